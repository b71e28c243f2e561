using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace Brands.Workflows.Timers;

/// <summary>
/// Cron expressions as Camunda 7 writes them (Quartz: seconds first, <c>?</c>, day-of-week 1–7 from Sunday, an
/// optional year) and as Unix writes them (five fields, day-of-week 0–7). Quartz day-of-week numbers are shifted to
/// Cronos' (0 = Sunday); names (MON-FRI) mean the same in both.
/// </summary>
internal static partial class CronText
{
    public static string? Parse(string text, out CronExpression? cron)
    {
        cron = null;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length == 7)
        {
            if (fields[6] is not ("*" or "?"))
            {
                return $"the cron expression '{text}' names a year ('{fields[6]}'); only '*' is supported there";
            }

            fields = fields[..6];
        }

        if (fields.Length is not (5 or 6))
        {
            return $"'{text}' is neither an ISO 8601 cycle (R3/P7D) nor a cron expression (seconds minutes hours day-of-month month day-of-week)";
        }

        if (fields.Length == 6)
        {
            fields[5] = QuartzDayNumber().Replace(fields[5], m =>
                (int.Parse(m.Value, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture));
        }

        try
        {
            cron = CronExpression.Parse(string.Join(' ', fields), fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return null;
        }
        catch (CronFormatException e)
        {
            return $"the cron expression '{text}' is not valid: {e.Message}";
        }
    }

    /// <summary>A day-of-week number (not a step after '/', not an nth after '#').</summary>
    [GeneratedRegex(@"(?<![#/\d])\d+")]
    private static partial Regex QuartzDayNumber();
}

using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Brands.Workflows.Timers;

/// <summary>ISO 8601 dates and durations as timers and due dates write them.</summary>
internal static class IsoText
{
    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.ExtendedIso,
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
    ];

    /// <summary>
    /// A date-time with an offset (<c>2026-12-15T09:00:00+08:00</c>, <c>…Z</c>), a local date-time read in
    /// <paramref name="zone"/> (<c>2026-12-15T09:00</c>), or a date meaning its midnight there (<c>2026-12-15</c>).
    /// </summary>
    public static bool TryParseInstant(string text, DateTimeZone zone, out Instant instant)
    {
        foreach (var pattern in OffsetPatterns)
        {
            if (pattern.Parse(text) is { Success: true } offset)
            {
                instant = offset.Value.ToInstant();
                return true;
            }
        }

        foreach (var pattern in LocalPatterns)
        {
            if (pattern.Parse(text) is { Success: true } local)
            {
                instant = local.Value.InZoneLeniently(zone).ToInstant();
                return true;
            }
        }

        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
        {
            instant = zone.AtStartOfDay(date.Value).ToInstant();
            return true;
        }

        instant = default;
        return false;
    }

    /// <summary>An ISO 8601 duration such as <c>P14D</c>, <c>P1M</c>, <c>PT36H</c>, <c>P1W</c>; null, or the reason it is not one.</summary>
    public static string? ParsePeriod(string text, out Period period)
    {
        period = Period.Zero;
        if (text.EndsWith("WD", StringComparison.Ordinal))
        {
            return $"'{text}' is not a working-day duration: write a whole number of working days alone, from P1WD to P9999WD (e.g. P5WD)";
        }

        var parsed = PeriodPattern.NormalizingIso.Parse(text);
        if (!parsed.Success)
        {
            return $"'{text}' is not an ISO 8601 duration (e.g. P14D, P1M, PT2H, P1DT12H)";
        }

        var reference = new LocalDateTime(2000, 1, 1, 0, 0);
        if (reference + parsed.Value < reference || HasNegativePart(parsed.Value))
        {
            return $"the duration '{text}' is negative";
        }

        period = parsed.Value;
        return null;
    }

    /// <summary>
    /// Our extension for working days (docs/engine.md, "Working days"): <c>P5WD</c>, a whole number of working days
    /// from 1 to 9999, alone. True with the count when <paramref name="text"/> is one.
    /// </summary>
    public static bool TryParseWorkingDays(string text, out int days)
    {
        days = 0;
        return text.Length is >= 4 and <= 7 && text.StartsWith('P') && text.EndsWith("WD", StringComparison.Ordinal)
            && text[1..^2].All(char.IsAsciiDigit)
            && int.TryParse(text[1..^2], NumberStyles.None, CultureInfo.InvariantCulture, out days) && days > 0;
    }

    private static bool HasNegativePart(Period p) =>
        p.Years < 0 || p.Months < 0 || p.Weeks < 0 || p.Days < 0 || p.Hours < 0 || p.Minutes < 0 || p.Seconds < 0
        || p.Milliseconds < 0 || p.Ticks < 0 || p.Nanoseconds < 0;

    /// <summary>Formats an instant the way timers are recorded in history and payloads.</summary>
    public static string Format(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);
}

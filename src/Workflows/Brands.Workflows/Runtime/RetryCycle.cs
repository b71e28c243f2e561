using System.Globalization;
using System.Xml;

namespace Brands.Workflows.Runtime;

/// <summary>A <c>failedJobRetryTimeCycle</c> such as <c>R3/PT5M</c>: attempts in all, and the wait between them.</summary>
internal readonly record struct RetryCycle(int Attempts, TimeSpan Interval)
{
    public static bool TryParse(string? text, out RetryCycle cycle)
    {
        cycle = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('/');
        if (parts.Length != 2 || !parts[0].StartsWith('R')
            || !int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var attempts)
            || attempts < 1)
        {
            return false;
        }

        try
        {
            cycle = new RetryCycle(attempts, XmlConvert.ToTimeSpan(parts[1]));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

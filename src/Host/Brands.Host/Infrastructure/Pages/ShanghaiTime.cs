using System.Globalization;

namespace Brands.Host.Infrastructure.Pages;

/// <summary>Instants as the pages show them: in Asia/Shanghai (China Standard Time, no daylight saving), to the minute.</summary>
internal static class ShanghaiTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Format(DateTimeOffset? instant) =>
        instant is { } value ? TimeZoneInfo.ConvertTime(value, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
}

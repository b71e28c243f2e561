using System.Globalization;

namespace Brands.Host.Infrastructure.Web;

/// <summary>The web app shows every instant in Asia/Shanghai (README "Using the web app"); dates typed in a filter are Shanghai days.</summary>
internal static class ShanghaiTime
{
    /// <summary>China has kept UTC+8 without daylight saving since 1991: the fixed offset stands in where no time zone data is installed.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "Asia/Shanghai", "China Standard Time");

    public static DateTimeOffset ToShanghai(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary><c>2026-12-03 17:45</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        ToShanghai(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? instant) => instant is { } value ? Format(value) : "";

    /// <summary>The instant a Shanghai day starts.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

using NodaTime;

namespace Brands.Workflows.Timers;

/// <summary>IANA time zones from NodaTime's own copy of the tz database, so no machine's settings change a timer.</summary>
internal static class TimeZones
{
    public static DateTimeZone? Find(string id) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
}

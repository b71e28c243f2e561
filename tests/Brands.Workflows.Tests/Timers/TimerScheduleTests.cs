using Brands.Workflows.Model;
using Brands.Workflows.Timers;
using Xunit;

namespace Brands.Workflows.Tests.Timers;

public sealed class TimerScheduleTests
{
    private const string Shanghai = "Asia/Shanghai";

    // Wednesday 1 April 2026, 12:00 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 4, 0, 0, TimeSpan.Zero);

    private static TimerSchedule Parse(TimerKind kind, string text, string zone = Shanghai)
    {
        Assert.True(TimerSchedule.TryParse(kind, text, zone, out var schedule, out var error), error);
        return schedule!;
    }

    [Theory]
    [InlineData("2026-12-15T09:00:00+08:00", "2026-12-15T01:00:00Z")]
    [InlineData("2026-12-15T01:00:00Z", "2026-12-15T01:00:00Z")]
    [InlineData("2026-12-15T09:00", "2026-12-15T01:00:00Z")]
    [InlineData("2026-12-15", "2026-12-14T16:00:00Z")]
    [InlineData("2026-12-15T01:00:00.0000000Z", "2026-12-15T01:00:00Z")]
    public void A_date_is_an_instant_and_a_local_date_is_read_in_the_zone(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Parse(TimerKind.Date, text).FirstDue(Now));
    }

    [Theory]
    [InlineData("P14D", "2026-04-15T04:00:00Z")]
    [InlineData("P1W", "2026-04-08T04:00:00Z")]
    [InlineData("PT36H", "2026-04-02T16:00:00Z")]
    [InlineData("P1M", "2026-05-01T04:00:00Z")]
    [InlineData("PT0.5S", "2026-04-01T04:00:00.5Z")]
    public void A_duration_counts_from_now(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Parse(TimerKind.Duration, text).FirstDue(Now));
    }

    [Fact]
    public void A_month_from_the_last_day_of_January_ends_on_the_last_day_of_February()
    {
        var from = new DateTimeOffset(2027, 1, 31, 4, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 4, 0, 0, TimeSpan.Zero), Parse(TimerKind.Duration, "P1M").FirstDue(from));
    }

    [Theory]
    [InlineData("R3/P7D", 3)]
    [InlineData("R/P1D", TimerSchedule.Unbounded)]
    [InlineData("R-1/PT1M", TimerSchedule.Unbounded)]
    [InlineData("0 0 9 * * ?", TimerSchedule.Unbounded)]
    public void A_cycle_knows_how_often_it_fires(string text, int repeats)
    {
        Assert.Equal(repeats, Parse(TimerKind.Cycle, text).Repeats);
    }

    [Fact]
    public void A_cycle_after_downtime_fires_next_after_now_not_once_per_missed_slot()
    {
        var cycle = Parse(TimerKind.Cycle, "R/PT1H");
        var firstDue = cycle.FirstDue(Now);

        Assert.Equal(Now.AddHours(1), firstDue);
        Assert.Equal(Now.AddHours(6), cycle.NextDue(firstDue, Now.AddHours(5).AddMinutes(30)));
        Assert.Equal(Now.AddHours(2), cycle.NextDue(firstDue, firstDue));
    }

    [Theory]
    // Quartz, as Camunda writes it: day-of-week 2 is Monday.
    [InlineData("0 0 9 ? * 2", "2026-04-06T01:00:00Z")]
    [InlineData("0 0 9 ? * MON", "2026-04-06T01:00:00Z")]
    [InlineData("0 0 9 ? * MON-FRI", "2026-04-02T01:00:00Z")]
    [InlineData("0 30 8 * * ? *", "2026-04-02T00:30:00Z")]
    // Unix, five fields: day-of-week 1 is Monday.
    [InlineData("0 9 * * 1", "2026-04-06T01:00:00Z")]
    [InlineData("0 9 15 12 *", "2026-12-15T01:00:00Z")]
    public void A_cron_cycle_fires_on_the_wall_clock_of_the_zone(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Parse(TimerKind.Cycle, text).FirstDue(Now));
    }

    [Fact]
    public void A_cron_cycle_in_another_zone_follows_that_zones_clock()
    {
        var berlin = Parse(TimerKind.Cycle, "0 0 9 * * ?", "Europe/Berlin");
        // 12:00 in Shanghai is 06:00 in Berlin (summer time): 09:00 there is 07:00 UTC the same day.
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 7, 0, 0, TimeSpan.Zero), berlin.FirstDue(Now));
    }

    [Fact]
    public void A_cycle_with_a_start_date_fires_first_at_the_start_and_then_by_its_period()
    {
        var cycle = Parse(TimerKind.Cycle, "R2/2026-05-01T09:00/P1M");
        var first = cycle.FirstDue(Now);

        Assert.Equal(new DateTimeOffset(2026, 5, 1, 1, 0, 0, TimeSpan.Zero), first);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero), cycle.NextDue(first, first));
    }
}

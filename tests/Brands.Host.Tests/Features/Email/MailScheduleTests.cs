using Brands.Host.Infrastructure.Email;
using Xunit;

namespace Brands.Host.Tests.Features.Email;

public sealed class MailScheduleTests
{
    [Theory]
    [InlineData("2026-12-03T23:30:00Z", 30)]        // 07:30 in Beijing: the digest goes out in half an hour
    [InlineData("2026-12-04T00:00:00Z", 24 * 60)]   // 08:00 exactly: it has just gone out; the next is tomorrow
    [InlineData("2026-12-04T00:30:00Z", 23 * 60 + 30)]
    [InlineData("2026-12-04T15:59:00Z", 8 * 60 + 1)] // 23:59 in Beijing
    public void The_daily_digest_runs_next_at_its_time_of_day_in_Beijing(string now, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), DigestService.UntilNextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8)));

    [Fact]
    public void The_wait_after_each_failed_attempt_doubles_up_to_its_limit()
    {
        var options = new MailOptions { RetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromHours(6) };

        Assert.Equal([1, 2, 4, 8, 16], Enumerable.Range(1, 5).Select(n => options.BackOff(n).TotalMinutes));
        Assert.Equal(TimeSpan.FromHours(6), options.BackOff(10));
        Assert.Equal(TimeSpan.FromHours(6), options.BackOff(1000));
    }
}

using Brands.Host.Infrastructure.Email;
using Xunit;

namespace Brands.Host.Tests.Features.Email;

public sealed class MailScheduleTests
{
    [Theory]
    [InlineData(8, 0, "0 8 * * *")]
    [InlineData(17, 45, "45 17 * * *")]
    [InlineData(0, 5, "5 0 * * *")]
    public void The_daily_digest_runs_at_its_time_of_day(int hours, int minutes, string cron) =>
        Assert.Equal(cron, DigestSender.CronAt(new TimeSpan(hours, minutes, 0)));

    [Fact]
    public void The_wait_after_each_failed_attempt_doubles_up_to_its_limit()
    {
        var options = new MailOptions { RetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromHours(6) };

        Assert.Equal([1, 2, 4, 8, 16], Enumerable.Range(1, 5).Select(n => options.BackOff(n).TotalMinutes));
        Assert.Equal(TimeSpan.FromHours(6), options.BackOff(10));
        Assert.Equal(TimeSpan.FromHours(6), options.BackOff(1000));
    }
}

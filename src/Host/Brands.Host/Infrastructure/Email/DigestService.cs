using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Email;

/// <summary>Runs <see cref="DigestSender.SendDigestsAsync"/> once a day at <see cref="MailOptions.DigestTime"/>, Asia/Shanghai time.</summary>
internal sealed class DigestService(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider time,
    ILogger<DigestService> logger) : BackgroundService
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(UntilNextRun(time.GetUtcNow(), options.Value.DigestTime), time, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var mailed = await scope.ServiceProvider.GetRequiredService<DigestSender>().SendDigestsAsync(stoppingToken);
                logger.LogInformation("Daily digest: {Count} mail(s) sent", mailed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Sending the daily digests failed; they are tried again at the next run");
            }
        }
    }

    /// <summary>The wait from <paramref name="now"/> to the next <paramref name="timeOfDay"/> in Asia/Shanghai.</summary>
    internal static TimeSpan UntilNextRun(DateTimeOffset now, TimeSpan timeOfDay)
    {
        var local = TimeZoneInfo.ConvertTime(now, China);
        var next = new DateTimeOffset(local.Date + timeOfDay, local.Offset);
        if (next <= local)
        {
            next = next.AddDays(1);
        }

        return next - local;
    }
}

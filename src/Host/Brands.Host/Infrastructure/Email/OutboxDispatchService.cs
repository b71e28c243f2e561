using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Email;

/// <summary>
/// Runs <see cref="OutboxDispatcher.DispatchDueAsync"/> every <see cref="MailOptions.PollInterval"/> on this node (a full
/// batch is followed by the next at once). Several nodes may run it: each message is leased to one.
/// </summary>
internal sealed class OutboxDispatchService(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider time,
    ILogger<OutboxDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Mail:Host is not set: email stays in the outbox until it is (README, \"Email\")");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                claimed = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Dispatching email failed; trying again in {Interval}", settings.PollInterval);
            }

            if (claimed >= settings.BatchSize)
            {
                continue;
            }

            try
            {
                await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

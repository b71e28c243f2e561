using Brands.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace Brands.Workflows;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// While a run of due jobs goes on, extends the leases of every job it holds (acquired, waiting or running, not
    /// yet done) every third of <see cref="WorkflowEngineOptions.JobLockDuration"/>, so a slow job (or a long queue)
    /// keeps its jobs on this node. A renewal that fails is logged and tried again at the next interval; should the lease lapse meanwhile and
    /// another node take a job, the job's commit here is refused (<see cref="Persistence.JobLockLostException"/>).
    /// </summary>
    private async Task RenewLeasesAsync(string owner, HeldJobs held, CancellationToken stop)
    {
        var every = _options.JobLockDuration / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, _services.Time, stop);
                var ids = held.Snapshot();
                if (ids.Count > 0)
                {
                    var now = _services.Time.GetUtcNow();
                    await _store.RenewJobLocksAsync(owner, ids, now, now + _options.JobLockDuration, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _services.Logger.LogError(e, "Renewing the leases of {Count} jobs of {Owner} failed; trying again", held.Snapshot().Count, owner);
            }
        }
    }
}

using Microsoft.Extensions.Logging;

namespace Brands.Workflows;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// While a batch runs, extends the leases of its jobs not yet done every third of
    /// <see cref="WorkflowEngineOptions.JobLockDuration"/>, so a slow job (or a long batch) keeps its jobs on this
    /// node. A renewal that fails is logged and tried again at the next interval; should the lease lapse meanwhile and
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

    /// <summary>The jobs of a batch this node still holds: acquired and not yet run.</summary>
    private sealed class HeldJobs(IEnumerable<Guid> ids)
    {
        private readonly HashSet<Guid> _ids = [.. ids];

        public void Release(Guid id)
        {
            lock (_ids)
            {
                _ids.Remove(id);
            }
        }

        public IReadOnlyCollection<Guid> Snapshot()
        {
            lock (_ids)
            {
                return [.. _ids];
            }
        }
    }
}

using Brands.Workflows.Persistence;

namespace Brands.Workflows.Runtime;

/// <summary>
/// One run of due jobs on one node: an acquirer that locks batches of due jobs while the earlier ones still run, and
/// <see cref="JobRunSettings.Parallelism"/> workers that take the earliest due job whose case no other worker is
/// running, so jobs of one case run one after another in due order and jobs of different cases run side by side.
/// </summary>
/// <remarks>
/// The next batch is taken once fewer jobs are waiting than there are workers, so the workers do not wait for a
/// round trip between batches and a node holds at most about <c>Parallelism + BatchSize</c> leases.
/// <see cref="Held"/> is every job acquired and not yet done: the lease renewal extends exactly those.
/// </remarks>
internal sealed class JobPipeline(
    JobRunSettings settings,
    Func<int, Task<IReadOnlyList<JobRecord>>> acquire,
    Func<JobRecord, Task> run)
{
    private readonly Lock _gate = new();
    private readonly List<JobRecord> _pending = [];
    private readonly HashSet<Guid> _busyCases = [];
    private TaskCompletionSource _changed = NewSignal();
    private bool _acquiring = true;
    private int _acquired;
    private int _ran;

    public HeldJobs Held { get; } = new();

    /// <summary>Runs until nothing more is due (a batch came back short), <see cref="JobRunSettings.MaxJobs"/> were taken, or <paramref name="stopAcquiring"/>; returns how many ran.</summary>
    /// <remarks>A failed acquisition stops acquiring; the jobs already held are run, then the failure is thrown.</remarks>
    public async Task<int> RunAsync(CancellationToken stopAcquiring)
    {
        var parallelism = Math.Max(settings.Parallelism, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopAcquiring);
        var workers = Enumerable.Range(0, parallelism).Select(_ => Task.Run(() => WorkAsync(stop), CancellationToken.None)).ToList();
        Exception? acquireFailure = null;
        try
        {
            await AcquireAsync(parallelism, stop.Token);
        }
        catch (Exception e)
        {
            acquireFailure = e;
        }
        finally
        {
            lock (_gate)
            {
                _acquiring = false;
                Signal();
            }
        }

        await Task.WhenAll(workers);
        if (acquireFailure is not null && !(acquireFailure is OperationCanceledException && stop.IsCancellationRequested))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(acquireFailure);
        }

        return _ran;
    }

    private async Task AcquireAsync(int parallelism, CancellationToken stopAcquiring)
    {
        var batchSize = Math.Max(settings.BatchSize, 1);
        while (_acquired < settings.MaxJobs && !stopAcquiring.IsCancellationRequested)
        {
            Task? room = null;
            lock (_gate)
            {
                if (_pending.Count >= parallelism)
                {
                    room = _changed.Task;
                }
            }

            if (room is not null)
            {
                await room.WaitAsync(stopAcquiring);
                continue;
            }

            var asked = Math.Min(batchSize, settings.MaxJobs - _acquired);
            var batch = await acquire(asked);
            _acquired += batch.Count;
            Held.Add(batch.Select(j => j.Id));
            lock (_gate)
            {
                _pending.AddRange(batch);
                Signal();
            }

            if (batch.Count < asked)
            {
                return;
            }
        }
    }

    /// <summary>Takes and runs jobs until none is left and none will come; a job that throws (cancelled) stops the acquirer too.</summary>
    private async Task WorkAsync(CancellationTokenSource stopAcquiring)
    {
        while (true)
        {
            JobRecord? job;
            Task changed;
            lock (_gate)
            {
                job = TakeNext();
                if (job is null && !_acquiring && _pending.Count == 0)
                {
                    return;
                }

                changed = _changed.Task;
            }

            if (job is null)
            {
                await changed;
                continue;
            }

            try
            {
                await run(job);
            }
            catch
            {
                await stopAcquiring.CancelAsync();
                throw;
            }
            finally
            {
                Held.Release(job.Id);
                lock (_gate)
                {
                    _ran++;
                    if (job.InstanceId is { } caseId)
                    {
                        _busyCases.Remove(caseId);
                    }

                    Signal();
                }
            }
        }
    }

    /// <summary>The earliest pending job whose case is not being run by another worker (under the gate).</summary>
    private JobRecord? TakeNext()
    {
        var index = _pending.FindIndex(j => j.InstanceId is not { } caseId || !_busyCases.Contains(caseId));
        if (index < 0)
        {
            return null;
        }

        var job = _pending[index];
        _pending.RemoveAt(index);
        if (job.InstanceId is { } taken)
        {
            _busyCases.Add(taken);
        }

        Signal();
        return job;
    }

    /// <summary>Wakes everyone waiting for a change (under the gate).</summary>
    private void Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.SetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

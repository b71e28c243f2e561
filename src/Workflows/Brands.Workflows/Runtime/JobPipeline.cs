using Brands.Workflows.Persistence;

namespace Brands.Workflows.Runtime;

/// <summary>
/// One run of due jobs on one node: an acquirer that locks batches of due jobs while the earlier ones still run, and
/// <see cref="JobRunSettings.Parallelism"/> workers that take the earliest due job whose case no other job of the run
/// is running or committing, so jobs of one case run one after another in due order and jobs of different cases run
/// side by side.
/// </summary>
/// <remarks>
/// A job whose changes wait in a <see cref="CommitGroup"/> frees its worker (it calls the hand-off it is given): the
/// worker takes the next job while the commit is written, so the workers compute and the commits gather whatever
/// finished meanwhile. At most <c>maxAwaitingCommit</c> jobs wait so; then the workers wait for commits.
/// The next batch is taken once fewer jobs are waiting to start than there are workers, so the workers do not wait
/// for a round trip between batches. <see cref="Held"/> is every job acquired and not yet done (started or not,
/// committed or not): the lease renewal extends exactly those.
/// </remarks>
internal sealed class JobPipeline(
    JobRunSettings settings,
    Func<int, Task<IReadOnlyList<JobRecord>>> acquire,
    Func<JobRecord, Action, Task> run,
    int maxAwaitingCommit)
{
    private readonly Lock _gate = new();
    private readonly List<JobRecord> _pending = [];
    private readonly HashSet<Guid> _busyCases = [];
    private TaskCompletionSource _changed = NewSignal();
    private bool _acquiring = true;
    private Exception? _failure;
    private int _acquired;
    private int _ran;
    private int _awaitingCommit;

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
        await AllCommittedAsync();
        if (_failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
        }

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
                job = _failure is null && _awaitingCommit < maxAwaitingCommit ? TakeNext() : null;
                if (job is null && (_failure is not null || (!_acquiring && _pending.Count == 0)))
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

            var started = new StartedJob(job);
            var running = RunOneAsync(started, stopAcquiring);
            if (await Task.WhenAny(running, started.HandedOff.Task) != running)
            {
                lock (_gate)
                {
                    // Its commit is being written: the worker goes on; the job's end counts it out again.
                    if (!started.Done)
                    {
                        started.Awaiting = true;
                        _awaitingCommit++;
                    }
                }
            }
        }
    }

    /// <summary>Waits until no job handed off by a worker is still waiting for its commit.</summary>
    private async Task AllCommittedAsync()
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_awaitingCommit == 0)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed;
        }
    }

    private async Task RunOneAsync(StartedJob started, CancellationTokenSource stopAcquiring)
    {
        var job = started.Job;
        try
        {
            await run(job, () => started.HandedOff.TrySetResult());
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _failure ??= e;
            }

            await stopAcquiring.CancelAsync();
        }
        finally
        {
            Held.Release(job.Id);
            lock (_gate)
            {
                _ran++;
                started.Done = true;
                if (started.Awaiting)
                {
                    _awaitingCommit--;
                }

                if (job.InstanceId is { } caseId)
                {
                    _busyCases.Remove(caseId);
                }

                Signal();
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

    /// <summary>A job a worker started; <see cref="Done"/> and <see cref="Awaiting"/> are read and written under the gate.</summary>
    private sealed class StartedJob(JobRecord job)
    {
        public JobRecord Job { get; } = job;

        /// <summary>Completed when the job's changes wait in a commit group.</summary>
        public TaskCompletionSource HandedOff { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Done { get; set; }

        /// <summary>Its worker went on while it waited for its commit.</summary>
        public bool Awaiting { get; set; }
    }
}

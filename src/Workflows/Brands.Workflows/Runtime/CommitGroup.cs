using Brands.Workflows.Persistence;

namespace Brands.Workflows.Runtime;

/// <summary>
/// Commits the changes of jobs a node runs at once together: while one transaction is being written, the change
/// sets finished meanwhile queue, and the next transaction takes as many of them (up to <c>maxSize</c>, in the order
/// they finished) as touch no row and no case another in it touches. A hundred fired timers then cost one lock-guard
/// statement, one instance update and one history insert per group rather than per timer, and one WAL flush.
/// docs/engine.md, "The job executor".
/// </summary>
/// <remarks>
/// A group whose commit fails — a conflict, a job another node took over, any fault — is committed again one change
/// set at a time, so each job gets exactly the outcome it would have had alone: the engine re-runs its command on a
/// conflict, lets its lost lock go, records its fault. Nothing of a failed group was written (a store writes a change
/// set all or nothing), so committing its members again writes each at most once.
/// </remarks>
internal sealed class CommitGroup(Func<ChangeSet, CancellationToken, Task> commit, int maxSize, int maxInFlight, CancellationToken cancellationToken)
{
    private readonly Lock _gate = new();
    private readonly List<Queued> _queue = [];

    /// <summary>The rows and cases of the groups being written now (their change sets never overlap).</summary>
    private readonly HashSet<Guid> _writing = [];
    private int _inFlight;

    /// <summary>Commits <paramref name="changes"/>, with others if any are waiting; completes when they are written or fails as a commit of them alone would.</summary>
    /// <param name="changes">One command's changes.</param>
    /// <param name="queued">Called once the changes wait for a group's commit (not when they are committed alone at once).</param>
    public Task CommitAsync(ChangeSet changes, Action? queued = null)
    {
        if (maxSize <= 1 || changes.NewDefinitions.Count > 0 || changes.ReplacedStartTriggers.Count > 0)
        {
            return commit(changes, cancellationToken);
        }

        var waiting = new Queued(changes);
        bool start;
        lock (_gate)
        {
            _queue.Add(waiting);
            start = _inFlight < Math.Max(maxInFlight, 1);
            if (start)
            {
                _inFlight++;
            }
        }

        if (start)
        {
            _ = Task.Run(CommitQueuedAsync, CancellationToken.None);
        }

        queued?.Invoke();
        return waiting.Done.Task;
    }

    private async Task CommitQueuedAsync()
    {
        while (true)
        {
            List<Queued> group;
            lock (_gate)
            {
                group = TakeGroup();
                if (group.Count == 0)
                {
                    // Nothing queued, or only changes that touch a group another loop is writing: that loop takes them next.
                    _inFlight--;
                    return;
                }

                foreach (var queued in group)
                {
                    _writing.UnionWith(queued.Touched);
                }
            }

            try
            {
                await CommitGroupAsync(group);
            }
            finally
            {
                lock (_gate)
                {
                    foreach (var queued in group)
                    {
                        _writing.ExceptWith(queued.Touched);
                    }
                }
            }
        }
    }

    private async Task CommitGroupAsync(List<Queued> group)
    {
        if (group.Count == 1)
        {
            await CommitAloneAsync(group[0]);
            return;
        }

        try
        {
            var merged = new ChangeSet();
            foreach (var queued in group)
            {
                merged.Append(queued.Changes);
            }

            await commit(merged, cancellationToken);
        }
        catch (Exception)
        {
            // Whose change failed the group is not known; alone, each meets its own outcome.
            await Task.WhenAll(group.Select(CommitAloneAsync));
            return;
        }

        foreach (var queued in group)
        {
            queued.Done.SetResult();
        }
    }

    /// <summary>
    /// The earliest queued change sets that touch nothing in common, nor anything a group being written touches
    /// (those wait for it: written beside it, they would only conflict with it). Under the gate.
    /// </summary>
    private List<Queued> TakeGroup()
    {
        var group = new List<Queued>();
        var touched = new HashSet<Guid>(_writing);
        for (var i = 0; i < _queue.Count && group.Count < maxSize;)
        {
            var queued = _queue[i];
            if (touched.Overlaps(queued.Touched))
            {
                i++;
                continue;
            }

            touched.UnionWith(queued.Touched);
            group.Add(queued);
            _queue.RemoveAt(i);
        }

        return group;
    }

    private async Task CommitAloneAsync(Queued queued)
    {
        try
        {
            await commit(queued.Changes, cancellationToken);
            queued.Done.SetResult();
        }
        catch (Exception e)
        {
            queued.Done.SetException(e);
        }
    }

    private sealed class Queued(ChangeSet changes)
    {
        public ChangeSet Changes { get; } = changes;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>
        /// The rows this change set updates or deletes and the cases it writes history for (a case's history
        /// sequence is unique): two change sets sharing one would fail together, so they never share a group.
        /// </summary>
        public HashSet<Guid> Touched { get; } =
        [
            .. changes.UpdatedInstances.Select(i => i.Id), .. changes.History.Select(h => h.InstanceId),
            .. changes.UpdatedTasks.Select(t => t.Id), .. changes.UpdatedJobs.Select(j => j.Id), .. changes.DeletedJobs,
            .. changes.JobLockGuards.Keys, .. changes.UpdatedIncidents.Select(i => i.Id), .. changes.DeletedSubscriptions,
        ];
    }
}

using System.Reflection;
using Brands.Workflows.Persistence;

namespace Brands.Workflows.Tests.Support;

/// <summary>
/// A store that passes every call through to another and notes each commit: which jobs' locks it guarded and whether
/// it was written. Its first commit of a job waits a moment first, so the jobs running beside it finish meanwhile and
/// queue for the next commit (see the job executor's commit groups).
/// </summary>
public class CommitWatch : DispatchProxy
{
    private IWorkflowStore _inner = null!;
    private TimeSpan _holdFirst;
    private int _held;

    /// <summary>Every commit of the store, in the order they ended.</summary>
    public List<(IReadOnlyList<Guid> GuardedJobs, bool Written)> Commits { get; } = [];

    public static (IWorkflowStore Store, CommitWatch Watch) Over(IWorkflowStore inner, TimeSpan holdFirstJobCommit)
    {
        var proxy = Create<IWorkflowStore, CommitWatch>();
        var watch = (CommitWatch)(object)proxy;
        (watch._inner, watch._holdFirst) = (inner, holdFirstJobCommit);
        return (proxy, watch);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IWorkflowStore.CommitAsync) && args?[0] is ChangeSet changes)
        {
            return CommitAsync(changes, (CancellationToken)args[1]!);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private async Task CommitAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        if (changes.JobLockGuards.Count > 0 && Interlocked.Exchange(ref _held, 1) == 0)
        {
            await Task.Delay(_holdFirst, cancellationToken);
        }

        var written = false;
        try
        {
            await _inner.CommitAsync(changes, cancellationToken);
            written = true;
        }
        finally
        {
            lock (Commits)
            {
                Commits.Add(([.. changes.JobLockGuards.Keys], written));
            }
        }
    }
}

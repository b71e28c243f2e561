using System.Reflection;
using Brands.Workflows.Persistence;

namespace Brands.Workflows.Tests.Support;

/// <summary>
/// A store that passes every call through to another, except that it fails the commits and case reads a test names:
/// an engine or store fault, not a script's, to see what the job executor makes of it.
/// </summary>
public class FaultyStore : DispatchProxy
{
    private IWorkflowStore _inner = null!;
    private Func<ChangeSet, bool> _failCommit = _ => false;
    private Func<Guid, bool> _failRead = _ => false;

    public static IWorkflowStore Over(IWorkflowStore inner, Func<ChangeSet, bool>? failCommit = null, Func<Guid, bool>? failCaseRead = null)
    {
        var proxy = Create<IWorkflowStore, FaultyStore>();
        var faulty = (FaultyStore)(object)proxy;
        faulty._inner = inner;
        faulty._failCommit = failCommit ?? (_ => false);
        faulty._failRead = failCaseRead ?? (_ => false);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IWorkflowStore.CommitAsync) && args?[0] is ChangeSet changes && _failCommit(changes))
        {
            return Task.FromException(new InvalidOperationException("the store failed (injected fault)"));
        }

        if (targetMethod.Name == nameof(IWorkflowStore.GetInstanceAsync) && args?[0] is Guid id && _failRead(id))
        {
            return Task.FromException<InstanceRecord?>(new InvalidOperationException($"case {id} cannot be read (injected fault)"));
        }

        if (targetMethod.Name == nameof(IWorkflowStore.GetInstancesAsync) && args?[0] is IReadOnlyCollection<Guid> ids && ids.FirstOrDefault(_failRead) is var failing
            && failing != Guid.Empty)
        {
            return Task.FromException<IReadOnlyList<InstanceRecord>>(new InvalidOperationException($"case {failing} cannot be read (injected fault)"));
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
}

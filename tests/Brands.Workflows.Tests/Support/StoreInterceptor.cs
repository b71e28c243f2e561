using System.Reflection;
using Brands.Workflows.Persistence;

namespace Brands.Workflows.Tests.Support;

/// <summary>
/// A store that passes every call through to another, except that it runs an action right after the first lookup
/// of the latest version of one process key: to make something happen while a command is between its reads.
/// </summary>
public class StoreInterceptor : DispatchProxy
{
    private IWorkflowStore _inner = null!;
    private string _key = "";
    private Func<Task> _afterFirstLookup = () => Task.CompletedTask;
    private int _fired;

    public static IWorkflowStore AfterFirstLatestLookup(IWorkflowStore inner, string key, Func<Task> action)
    {
        var proxy = Create<IWorkflowStore, StoreInterceptor>();
        var interceptor = (StoreInterceptor)(object)proxy;
        (interceptor._inner, interceptor._key, interceptor._afterFirstLookup) = (inner, key, action);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IWorkflowStore.FindLatestDefinitionAsync) && args?[0] is string key && key == _key
            && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            return LookUpThenActAsync(key, (CancellationToken)args[1]!);
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

    private async Task<DefinitionRecord?> LookUpThenActAsync(string key, CancellationToken cancellationToken)
    {
        var found = await _inner.FindLatestDefinitionAsync(key, cancellationToken);
        await _afterFirstLookup();
        return found;
    }
}

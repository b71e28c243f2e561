using Brands.Workflows.Handlers;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>The handler of topic <c>switchable</c>: fails while <see cref="Failing"/> is set, else records the case.</summary>
public sealed class SwitchableServiceTaskHandler : IServiceTaskHandler
{
    public const string TopicName = "switchable";

    private volatile bool _failing;

    public string Topic => TopicName;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public Task ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Failing)
        {
            throw new InvalidOperationException("The switchable handler is switched to fail.");
        }

        context.SetVariable("handledBy", Topic);
        return Task.CompletedTask;
    }
}

using Brands.Host.Infrastructure.ElementTemplates;
using Brands.Workflows.Handlers;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>The handler of topic <c>switchable</c>: fails while <see cref="Failing"/> is set, else records the case.</summary>
public sealed class SwitchableServiceTaskHandler : IServiceTaskHandler
{
    public const string TopicName = "switchable";

    /// <summary>How the designer offers it, registered beside it as every handler's description is.</summary>
    internal static readonly ServiceTopicTemplate Template = new(TopicName,
        new LocalizedText("可切换的测试步骤", "Switchable test step"),
        new LocalizedText("测试用：按开关成功或失败。", "For tests: succeeds or fails as switched."),
        [new TemplateInput("note", new LocalizedText("备注", "Note"), new LocalizedText("记录在案件中。", "Kept on the case."), Required: true)]);

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

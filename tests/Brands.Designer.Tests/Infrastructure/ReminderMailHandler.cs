using Brands.Host.Infrastructure.ElementTemplates;
using Brands.Workflows.Handlers;

namespace Brands.Designer.Tests.Infrastructure;

/// <summary>
/// A topic the test host registers with its description, as a host feature would, so the designer has a template to
/// offer: it records the reminder's template name on the case.
/// </summary>
public sealed class ReminderMailHandler : IServiceTaskHandler
{
    public const string TopicName = "reminder-email";

    internal static readonly ServiceTopicTemplate Template = new(TopicName,
        new LocalizedText("发送提醒邮件", "Send a reminder email"),
        new LocalizedText("按邮件模板提醒办理人。", "Reminds the assignee with an email template."),
        [new TemplateInput("mailTemplate", new LocalizedText("邮件模板", "Email template"), Required: true)]);

    public string Topic => TopicName;

    public Task ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetVariable("remindedWith", context.GetVariable("mailTemplate"));
        return Task.CompletedTask;
    }
}

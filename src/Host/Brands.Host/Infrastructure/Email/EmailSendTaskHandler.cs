using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.ElementTemplates;
using Brands.Workflows.Handlers;

namespace Brands.Host.Infrastructure.Email;

/// <summary>
/// Send and service tasks with <c>camunda:topic="email"</c> (README, "Email"): writes one email to the outbox, committed
/// with the step. Inputs (<c>camunda:inputOutput</c> input parameters, text, lists or <c>${…}</c>):
/// <c>template</c> (required: one of <see cref="MailTemplateNames.ForSendTasks"/>), <c>users</c> and <c>groups</c>
/// (names, comma-separated or a list), <c>taskElement</c> (the user task the mail is about: its link, and its assignee
/// or candidates when no users or groups are named), <c>outcome</c> and <c>note</c>.
/// </summary>
internal sealed class EmailSendTaskHandler(MailTemplates templates) : IServiceTaskHandler
{
    /// <summary>What the designer offers for this topic (README, "Element templates").</summary>
    internal static readonly ServiceTopicTemplate Template = new(EmailTopic.Name,
        new LocalizedText("发送提醒邮件", "Send a notification email"),
        new LocalizedText("按模板发送一封邮件（提醒、逾期、督办、结果通知），与本步骤一同提交，发送失败自动重试。",
            "Sends one email from a template (reminder, overdue, escalation, outcome), committed with this step and retried until delivered."),
        [
            new TemplateInput("template", new LocalizedText("邮件模板", "Template"),
                new LocalizedText(string.Join("、", MailTemplateNames.ForSendTasks), string.Join(", ", MailTemplateNames.ForSendTasks)), Required: true),
            new TemplateInput("users", new LocalizedText("收件用户", "Users"), new LocalizedText("用户名，逗号分隔，可用 ${…}", "User names, comma-separated, or ${…}")),
            new TemplateInput("groups", new LocalizedText("收件群组", "Groups"), new LocalizedText("如 provincial-reviewer:${province}", "e.g. provincial-reviewer:${province}")),
            new TemplateInput("taskElement", new LocalizedText("相关任务（元素 id）", "Task (element id)"),
                new LocalizedText("邮件链接到该任务；未指定收件人时发给其办理人或候选人", "The mail links to this task; without users or groups it goes to its assignee or candidates")),
            new TemplateInput("outcome", new LocalizedText("结果", "Outcome")),
            new TemplateInput("note", new LocalizedText("附言", "Note"), Multiline: true),
        ]);

    public string Topic => EmailTopic.Name;

    public Task ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var template = Text(context, "template")
            ?? throw new InvalidOperationException("the email task has no 'template' input parameter");
        if (!MailTemplateNames.ForSendTasks.Contains(template) || !templates.Has(template))
        {
            throw new InvalidOperationException(
                $"the email template '{template}' does not exist; use one of {string.Join(", ", MailTemplateNames.ForSendTasks)}");
        }

        var users = List(context, "users");
        var groups = List(context, "groups");
        var taskElement = Text(context, "taskElement");
        if (users.Count + groups.Count == 0 && taskElement is null)
        {
            throw new InvalidOperationException("the email task names no recipients: give 'users', 'groups' or 'taskElement'");
        }

        var payload = new EmailPayload(template, users, groups, context.CaseId, context.BusinessKey, TaskElement: taskElement,
            Outcome: Text(context, "outcome"), Note: Text(context, "note"));
        context.EnqueueOutbox(EmailTopic.Name, payload.ToJson());
        return Task.CompletedTask;
    }

    private static string? Text(StepContext context, string name) => context.GetVariable(name) switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        var other => other.ToJsonString(),
    };

    private static List<string> List(StepContext context, string name)
    {
        IEnumerable<string> items = context.GetVariable(name) switch
        {
            null => [],
            JsonArray array => array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : item?.ToJsonString() ?? ""),
            _ => (Text(context, name) ?? "").Split(','),
        };
        return [.. items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}

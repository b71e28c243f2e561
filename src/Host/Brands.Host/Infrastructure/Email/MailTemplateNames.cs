namespace Brands.Host.Infrastructure.Email;

/// <summary>The message types, each a template in zh-CN and en under Infrastructure/Email/Templates (README, "Email").</summary>
internal static class MailTemplateNames
{
    public const string TaskAssigned = "task-assigned";
    public const string TaskReminder = "task-reminder";
    public const string TaskOverdue = "task-overdue";
    public const string Escalation = "escalation";
    public const string CaseOutcome = "case-outcome";
    /// <summary>The daily digest itself; not for send tasks.</summary>
    public const string Digest = "digest";

    public static IReadOnlyList<string> ForSendTasks { get; } = [TaskAssigned, TaskReminder, TaskOverdue, Escalation, CaseOutcome];
}

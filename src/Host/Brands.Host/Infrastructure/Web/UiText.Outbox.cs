namespace Brands.Host.Infrastructure.Web;

/// <summary>The outbox administration page's strings (/admin/outbox).</summary>
internal sealed partial class UiText
{
    public string NavOutbox => T("邮件发件箱", "Outbox");
    public string OutboxTitle => T("邮件发件箱", "Email outbox");
    public string OutboxIntro => T("系统发出的每封邮件及其发送状态；失败或需要重发的邮件可以再次发送。",
        "Every email the system sends, with its status; a failed message, or any other, can be sent again.");
    public string OutboxStatusName(string status) => status switch
    {
        "pending" => T("待发送", "Pending"),
        "sent" => T("已发送", "Sent"),
        "failed" => T("发送失败", "Failed"),
        _ => status,
    };
    public string Filter => T("筛选", "Filter");
    public string Recipients => T("收件人", "Recipients");
    public string Subject => T("主题", "Subject");
    public string Template => T("模板", "Template");
    public string Attempts => T("尝试次数", "Attempts");
    public string LastError => T("最近错误", "Last error");
    public string SentAt => T("发送时间", "Sent");
    public string Resend => T("重新发送", "Send again");
    public string ResendQueued => T("邮件已重新排入发送队列。", "The message will be sent again.");
    public string NoOutboxMessages => T("没有符合条件的邮件。", "No messages match.");
    public string OutboxPage(int page) => T($"第 {page} 页", $"Page {page}");
    public string BadOutboxStatus => T("状态只能是：待发送、已发送、发送失败。", "The status is one of pending, sent and failed.");
    public string BadPageNumber => T("页码须为 1 或以上的整数。", "The page number is a whole number of 1 or more.");
}

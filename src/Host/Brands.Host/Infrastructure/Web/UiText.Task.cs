namespace Brands.Host.Infrastructure.Web;

/// <summary>The task page's strings.</summary>
internal sealed partial class UiText
{
    public string BackToInbox => T("返回待办", "Back to the inbox");
    public string CaseSummary => T("案件概要", "Case");
    public string ProcessVersion => T("版本", "version");
    public string CaseStatus => T("案件状态", "Case status");
    public string CaseStatusName(string status) => status switch
    {
        "active" => T("办理中", "Active"),
        "completed" => T("已办结", "Completed"),
        "terminated" => T("已终止", "Terminated"),
        _ => status,
    };
    public string StartedAt => T("开始时间", "Started");
    public string Owner => T("所属单位", "Owner");
    public string WaitingAt => T("当前环节", "Waiting at");
    public string Nowhere => T("无", "nothing");
    public string OpenCase => T("查看案件详情", "Open the case");
    public string TaskSection => T("任务信息", "Task");
    public string Candidates => T("候选人与候选组", "Candidates");
    public string Priority => T("优先级", "Priority");
    public string FormSection => T("办理表单", "Form");
    public string NoForm => T("此任务没有表单，直接提交即可办理。", "This task has no form: complete it directly.");
    public string FormNotSaved(string form) =>
        T($"表单“{form}”尚未保存，管理员保存表单后才能办理此任务。", $"The form '{form}' has not been saved; the task can be completed once an administrator saves it.");
    public string Complete => T("提交办理", "Complete");
    public string TaskCompleted => T("任务已办理完成。", "The task is completed.");
    public string TaskCompletedNext(string next) => T($"任务已办理完成。下一个任务：{next}", $"The task is completed. Next task: {next}");
    public string TaskClosed => T("此任务已结束。", "This task is closed.");
    public string MayNotComplete => T("您暂不能办理此任务（如为组任务，请先认领）。", "You cannot complete this task yet (claim it first if it is a group task).");
    public string FixTheForm => T("提交未被接受，请修正标出的字段。", "The form was not accepted: correct the marked fields.");
    public string FormNeedsScript => T("办理表单需要启用 JavaScript。", "The form needs JavaScript.");
    public string Comments => T("评论", "Comments");
    public string NoComments => T("暂无评论。", "No comments yet.");
    public string AddComment => T("发表评论", "Add a comment");
    public string CommentLabel => T("评论内容（纯文本）", "Comment (plain text)");
    public string PostComment => T("发表", "Post");
    public string CommentAdded => T("评论已发表。", "The comment was added.");
    public string OnTask(string task) => T($"任务：{task}", $"on {task}");
}

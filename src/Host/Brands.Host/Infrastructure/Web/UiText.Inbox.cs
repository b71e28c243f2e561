namespace Brands.Host.Infrastructure.Web;

/// <summary>The inbox page's strings.</summary>
internal sealed partial class UiText
{
    public string InboxTitle => T("待办任务", "Inbox");
    public string TabMine => T("我的任务", "My tasks");
    public string TabGroup => T("组任务", "My groups' tasks");
    public string TabAll => T("全部可见任务", "All tasks I may see");
    public string Process => T("流程", "Process");
    public string AnyProcess => T("全部流程", "All processes");
    public string Province => T("省份", "Province");
    public string AnyProvince => T("全部省份", "All provinces");
    public string Year => T("年度", "Year");
    public string Status => T("状态", "Status");
    public string AnyStatus => T("全部状态", "Any status");
    public string DueFrom => T("到期日自", "Due from");
    public string DueTo => T("到期日至", "Due until");
    public string Search => T("搜索", "Search");
    public string SearchPlaceholder => T("业务编号或申请人名称", "Business key or applicant name");
    public string ApplyFilter => T("筛选", "Filter");
    public string ResetFilter => T("清除条件", "Clear");
    public string Task => T("任务", "Task");
    public string BusinessKey => T("业务编号", "Business key");
    public string Applicant => T("申请人", "Applicant");
    public string Assignee => T("处理人", "Assignee");
    public string DueAt => T("到期时间", "Due");
    public string FollowUpAt => T("跟进日期", "Follow-up");
    public string CreatedAt => T("创建时间", "Created");
    public string Actions => T("操作", "Actions");
    public string Claim => T("认领", "Claim");
    public string Unclaim => T("释放", "Release");
    public string Assign => T("指派", "Assign");
    public string AssignTo => T("指派给（用户名，留空退回候选人）", "Assign to (user name; empty returns it to the candidates)");
    public string NotClaimed => T("待认领", "Unclaimed");
    public string OverdueMark => T("已逾期", "Overdue");
    public string DueSoonMark => T("即将到期", "Due soon");
    public string FollowUpMark => T("待跟进", "Follow up");
    public string NoTasks => T("没有符合条件的任务。", "No task matches.");
    public string PageOf(int page, int pageCount, int total, bool atLeast) => atLeast
        ? T($"第 {page} / {pageCount}+ 页，共 {total}+ 项", $"Page {page} of {pageCount}+, {total}+ tasks")
        : T($"第 {page} / {pageCount} 页，共 {total} 项", $"Page {page} of {pageCount}, {total} tasks");
    public string PreviousPage => T("上一页", "Previous");
    public string NextPage => T("下一页", "Next");
    public string SavedFilters => T("已保存的筛选", "Saved filters");
    public string NoSavedFilters => T("尚未保存筛选。", "No saved filters yet.");
    public string SaveFilter => T("保存当前筛选", "Save this filter");
    public string FilterName => T("筛选名称", "Filter name");
    public string ShareWith => T("共享范围", "Share with");
    public string OnlyMe => T("仅自己", "Only me");
    public string GroupOption(string group) => T($"组 {group}", $"group {group}");
    public string SharedBy(string owner, string group) => T($"{owner} 共享给 {group}", $"shared by {owner} with {group}");
    public string Delete => T("删除", "Delete");
    public string Claimed => T("已认领任务。", "You claimed the task.");
    public string Unclaimed => T("任务已释放。", "The task went back to its candidates.");
    public string AssignedTo(string user) => T($"任务已指派给 {user}。", $"The task is assigned to {user}.");
    public string FilterSaved => T("筛选已保存。", "The filter was saved.");
    public string FilterDeleted => T("筛选已删除。", "The filter was deleted.");
    public string FixTheFilter => T("筛选条件有误，请修正：", "The filter has mistakes:");
    /// <summary>A refused filter value: the field as the filter form names it, and the host's messages in the page's language.</summary>
    public string FilterProblem(string field, IEnumerable<string> messages) =>
        T($"{FilterField(field)}：", $"{FilterField(field)}: ") + string.Join(" ", messages.Select(Server));
    private string FilterField(string field) => field.ToUpperInvariant() switch
    {
        "TAB" => T("标签页", "Tab"),
        "PROCESS" => Process,
        "PROVINCE" => Province,
        "YEAR" => Year,
        "STATUS" => Status,
        "DUEFROM" => DueFrom,
        "DUETO" => DueTo,
        "Q" => Search,
        "P" => T("页码", "Page"),
        _ => field,
    };
    public string StatusName(string status) => status switch
    {
        "unassigned" => T("待认领", "Unclaimed"),
        "assigned" => T("已认领", "Claimed"),
        "overdue" => T("已逾期", "Overdue"),
        "due-soon" => T("即将到期（48 小时内）", "Due within 48 hours"),
        "follow-up" => T("已到跟进日期", "Follow-up date reached"),
        _ => status,
    };
}

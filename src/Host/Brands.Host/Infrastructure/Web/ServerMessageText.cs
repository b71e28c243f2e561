using System.Text.RegularExpressions;

namespace Brands.Host.Infrastructure.Web;

/// <summary>
/// The host's own messages in Chinese, for the pages (README "Using the web app"): the API answers in English, and the
/// task, inbox and password pages show what it refused — form field errors, task conflicts, comment and assignment
/// problems, bad inbox filters, password mistakes — through this table, each English message beside its Chinese form.
/// A message not in the table is shown as it is.
/// </summary>
internal static partial class ServerMessageText
{
    private static readonly (Regex English, string Chinese)[] Table =
    [
        (Exact("This field is required."), "此项为必填项。"),
        (Exact("This is not a field of the task's form."), "这不是任务表单中的字段。"),
        (Exact("Enter text."), "请输入文本。"),
        (Exact("Answer yes or no (true or false)."), "请选择“是”或“否”。"),
        (Exact("Choose one of the offered values."), "请从给定的选项中选择一项。"),
        (Exact("Choose a list of the offered values."), "请从给定的选项中选择。"),
        (Exact("Choose only offered values."), "只能选择给定的选项。"),
        (Exact("Choose each value once."), "每个选项只能选择一次。"),
        (Pattern(@"Enter at least (?<n>\d+) characters\."), "请至少输入 ${n} 个字符。"),
        (Pattern(@"Enter at most (?<n>\d+) characters\."), "最多只能输入 ${n} 个字符。"),
        (Pattern(@"The value does not match the pattern (?<p>.+)\."), "输入内容不符合格式要求（${p}）。"),
        (Pattern(@"The value could not be checked against the pattern (?<p>.+) in time\."), "未能及时按格式（${p}）检查输入内容。"),
        (Exact("Enter a number."), "请输入数字。"),
        (Pattern(@"Enter a number of at least (?<n>-?[\d.]+)\."), "请输入不小于 ${n} 的数字。"),
        (Pattern(@"Enter a number of at most (?<n>-?[\d.]+)\."), "请输入不大于 ${n} 的数字。"),
        (Exact("Enter a date or time as text (ISO 8601)."), "请以文本输入日期或时间（ISO 8601）。"),
        (Exact("Enter a time as HH:mm (ISO 8601)."), "请按 HH:mm 格式输入时间。"),
        (Exact("Enter a date and time as yyyy-MM-ddTHH:mm (ISO 8601)."), "请按 yyyy-MM-ddTHH:mm 格式输入日期和时间。"),
        (Exact("Enter a date as yyyy-MM-dd (ISO 8601)."), "请按 yyyy-MM-dd 格式输入日期。"),
        (Exact("The form data is not a JSON object."), "表单数据无效（不是 JSON 对象）。"),
        (Pattern(@"'(?<name>[^']+)' is set by the host from the case's owner and cannot be changed\."), "“${name}”由系统根据案件所属单位设置，不能修改。"),
        (Pattern(@"The task is already claimed by (?<user>.+)\."), "任务已被 ${user} 认领。"),
        (Pattern(@"The task is claimed by (?<user>.+); only they can release it\."), "任务由 ${user} 认领，只有其本人可以退回。"),
        (Pattern(@"The task is claimed by (?<user>.+)\."), "任务已由 ${user} 认领。"),
        (Exact("The task is no longer claimed."), "任务已不再由任何人认领。"),
        (Exact("The case no longer waits for this task."), "案件已不在此任务等待。"),
        (Pattern(@"The task is already completed by (?<user>.+)\."), "任务已由 ${user} 办理完成。"),
        (Exact("The task is already completed."), "任务已办理完成。"),
        (Pattern(@"The task is already (?<state>\w+)\."), "任务已结束（${state}）。"),
        (Pattern(@"The case was changed by someone else (?<n>\d+) times in a row; try again\. .*"), "案件正被他人修改，请稍后重试。"),
        (Exact("The comment is empty."), "评论内容为空。"),
        (Pattern(@"The comment is longer than (?<n>\d+) characters\."), "评论超过 ${n} 个字符。"),
        (Pattern(@"No user named '(?<user>[^']*)'\."), "没有名为“${user}”的用户。"),
        (Pattern(@"'(?<user>[^']+)' may not see this case, so cannot be assigned its task\."), "“${user}”无权查看此案件，不能将任务分配给该用户。"),
        (Exact("The current password is required."), "请输入当前密码。"),
        (Exact("The new password is required."), "请输入新密码。"),
        (Exact("The new password must differ from the current one."), "新密码不能与当前密码相同。"),
        (Exact("The current password is wrong."), "当前密码错误。"),
        (Pattern(@"Unknown tab '(?<value>.*)'; expected one of (?<list>.+)\."), "没有“${value}”这个标签页，应为以下之一：${list}。"),
        (Pattern(@"Unknown province '(?<value>.*)'; expected a two-letter code such as ZJ, or CN\."), "没有“${value}”这个省份，应为两个字母的省份代码（如 ZJ）或 CN。"),
        (Pattern(@"The year must be between (?<from>\d+) and (?<to>\d+)\."), "年度须在 ${from} 至 ${to} 之间。"),
        (Pattern(@"Unknown status '(?<value>.*)'; expected one of (?<list>.+)\."), "没有“${value}”这个状态，应为以下之一：${list}。"),
        (Exact("The end of the due range is before its start."), "到期日范围的结束日期早于开始日期。"),
        (Pattern(@"The search text is longer than (?<n>\d+) characters\."), "搜索内容超过 ${n} 个字符。"),
        (Pattern(@"The process key is longer than (?<n>\d+) characters\."), "流程标识超过 ${n} 个字符。"),
        (Pattern(@"The page must be between (?<from>\d+) and (?<to>\d+)\."), "页码须在 ${from} 至 ${to} 之间。"),
        (Exact("The filter needs a name."), "请为筛选命名。"),
        (Pattern(@"The name is longer than (?<n>\d+) characters\."), "名称超过 ${n} 个字符。"),
        (Pattern(@"You are not a member of group '(?<group>[^']+)': a filter can be shared only with your own groups\."), "您不是组“${group}”的成员：筛选只能共享给自己所在的组。"),
    ];

    /// <summary>The Chinese form of <paramref name="english"/>, or null when the table does not have it.</summary>
    public static string? ToChinese(string english)
    {
        foreach (var (pattern, chinese) in Table)
        {
            var match = pattern.Match(english);
            if (match.Success)
            {
                return match.Result(chinese);
            }
        }

        return null;
    }

    private static Regex Exact(string text) => Pattern(Regex.Escape(text));

    private static Regex Pattern(string pattern) => new("^" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
}

namespace Brands.Host.Infrastructure.Web;

/// <summary>
/// Every string the web app shows, in both languages side by side: a string cannot exist in one language only.
/// Views take it with <c>@inject UiText T</c>; it answers in the request's language (<see cref="UiLanguage"/>).
/// Split by page across partial files.
/// </summary>
internal sealed partial class UiText(string language)
{
    public string Language { get; } = language;

    public bool IsEnglish => Language == UiLanguage.English;

    private string T(string chinese, string english) => IsEnglish ? english : chinese;

    /// <summary>A message of the host (in English) in the page's language (<see cref="ServerMessageText"/>).</summary>
    public string Server(string message) => IsEnglish ? message : ServerMessageText.ToChinese(message) ?? message;

    // Layout
    public string AppName => T("商标品牌工作平台", "Trademark Brand Workflow");
    public string NavInbox => T("待办", "Inbox");
    public string NavCases => T("案件", "Cases");
    public string NavDesigner => T("流程设计器", "Process designer");
    public string NavForms => T("表单设计器", "Form editor");
    public string NavApiDocs => T("接口文档", "API docs");
    public string SignOut => T("退出登录", "Sign out");
    public string LanguageLabel => T("语言", "Language");
    /// <summary>Each language is named in itself, whichever is shown.</summary>
    public static string ChineseName => "中文";
    public static string EnglishName => "English";
    public string SignedInAs => T("当前用户", "Signed in as");
    public string TimesInShanghai => T("时间均为北京时间", "Times are Beijing time (Asia/Shanghai)");

    // Sign-in and password
    public string SignInTitle => T("登录", "Sign in");
    public string SignInIntro => T("国家商标品牌培育工作的申报、审核与跟踪", "Applications, reviews and follow-up of the national trademark brand programmes");
    public string UserName => T("用户名", "User name");
    public string Password => T("密码", "Password");
    public string SignInButton => T("登录", "Sign in");
    public string SignInFieldsRequired => T("请输入用户名和密码。", "Enter your user name and password.");
    public string WrongCredentials => T("用户名或密码错误。", "Wrong user name or password.");
    public string SignInDelayed(int seconds) => T($"登录失败次数过多，请在 {seconds} 秒后重试。", $"Too many failed sign-ins; try again in {seconds} s.");
    public string ChangePasswordTitle => T("修改密码", "Change your password");
    public string MustChangePassword => T("首次登录须先修改密码，然后才能继续。", "You must change your password before you continue.");
    public string CurrentPassword => T("当前密码", "Current password");
    public string NewPassword => T("新密码", "New password");
    public string ConfirmPassword => T("确认新密码", "Confirm the new password");
    public string PasswordRules => T("至少 8 个字符，须包含大写字母、小写字母、数字和符号。", "At least 8 characters, with upper- and lower-case letters, a digit and a symbol.");
    public string PasswordsDiffer => T("两次输入的新密码不一致。", "The two new passwords differ.");
    public string PasswordChanged => T("密码已修改。", "Your password was changed.");
    public string Save => T("保存", "Save");

    // Status pages
    public string NotFoundTitle => T("未找到", "Not found");
    public string NotFoundText => T("页面或任务不存在，或者您无权查看。", "The page or task does not exist, or you may not see it.");
    public string ForbiddenTitle => T("无权操作", "Not allowed");
    public string ForbiddenText => T("您无权执行此操作。", "You may not do this.");
    public string BadRequestTitle => T("请求有误", "Bad request");
    public string BadRequestText => T("请求无效或已过期，请返回后重试。", "The request was invalid or has expired; go back and try again.");
    public string ErrorTitle => T("出错了", "Something went wrong");
    public string ErrorText => T("请求未能完成。", "The request could not be completed.");
    public string BackHome => T("返回首页", "Back to the start page");
}

using Brands.Host.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>
/// Identity's refusals (password rules, taken names…) in the language of the page that caused them: Chinese on the
/// Chinese pages, Identity's own English on the English pages and in the API, which answers in English (README
/// "Using the web app"). Codes stay Identity's own, so a client that tells errors apart by code is not affected.
/// </summary>
internal sealed class LocalizedIdentityErrorDescriber(IHttpContextAccessor http) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Text(base.DefaultError(), "发生未知错误。");

    public override IdentityError ConcurrencyFailure() => Text(base.ConcurrencyFailure(), "数据已被他人修改，请重试。");

    public override IdentityError PasswordMismatch() => Text(base.PasswordMismatch(), "密码错误。");

    public override IdentityError InvalidToken() => Text(base.InvalidToken(), "令牌无效。");

    public override IdentityError RecoveryCodeRedemptionFailed() => Text(base.RecoveryCodeRedemptionFailed(), "恢复码无效或已使用。");

    public override IdentityError LoginAlreadyAssociated() => Text(base.LoginAlreadyAssociated(), "此外部登录已关联到另一个用户。");

    public override IdentityError InvalidUserName(string? userName) =>
        Text(base.InvalidUserName(userName), $"用户名“{userName}”无效：只能包含字母或数字。");

    public override IdentityError InvalidEmail(string? email) => Text(base.InvalidEmail(email), $"电子邮件地址“{email}”无效。");

    public override IdentityError DuplicateUserName(string userName) => Text(base.DuplicateUserName(userName), $"用户名“{userName}”已被占用。");

    public override IdentityError DuplicateEmail(string email) => Text(base.DuplicateEmail(email), $"电子邮件地址“{email}”已被使用。");

    public override IdentityError InvalidRoleName(string? role) => Text(base.InvalidRoleName(role), $"角色名“{role}”无效。");

    public override IdentityError DuplicateRoleName(string role) => Text(base.DuplicateRoleName(role), $"角色名“{role}”已存在。");

    public override IdentityError UserAlreadyHasPassword() => Text(base.UserAlreadyHasPassword(), "该用户已设置密码。");

    public override IdentityError UserLockoutNotEnabled() => Text(base.UserLockoutNotEnabled(), "该用户未启用账户锁定。");

    public override IdentityError UserAlreadyInRole(string role) => Text(base.UserAlreadyInRole(role), $"用户已具有角色“{role}”。");

    public override IdentityError UserNotInRole(string role) => Text(base.UserNotInRole(role), $"用户不具有角色“{role}”。");

    public override IdentityError PasswordTooShort(int length) => Text(base.PasswordTooShort(length), $"密码至少须有 {length} 个字符。");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Text(base.PasswordRequiresUniqueChars(uniqueChars), $"密码至少须包含 {uniqueChars} 个互不相同的字符。");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Text(base.PasswordRequiresNonAlphanumeric(), "密码须至少包含一个符号（字母和数字以外的字符）。");

    public override IdentityError PasswordRequiresDigit() => Text(base.PasswordRequiresDigit(), "密码须至少包含一个数字（0–9）。");

    public override IdentityError PasswordRequiresLower() => Text(base.PasswordRequiresLower(), "密码须至少包含一个小写字母（a–z）。");

    public override IdentityError PasswordRequiresUpper() => Text(base.PasswordRequiresUpper(), "密码须至少包含一个大写字母（A–Z）。");

    /// <summary>
    /// Chinese only on a page in Chinese: the pages run the request localization (Infrastructure/Web/UiLanguage), the
    /// API and work outside a request do not, and stay English.
    /// </summary>
    private bool Chinese =>
        http.HttpContext?.Features.Get<IRequestCultureFeature>() is { } culture
        && string.Equals(culture.RequestCulture.UICulture.Name, UiLanguage.Chinese, StringComparison.OrdinalIgnoreCase);

    private IdentityError Text(IdentityError english, string chinese) =>
        Chinese ? new IdentityError { Code = english.Code, Description = chinese } : english;
}

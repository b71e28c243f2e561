using System.Net;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Web;

/// <summary>The first administrator of a production database signs in through the web app and must change the password first (README "Production start").</summary>
public abstract class FirstSignInTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task The_first_administrator_sees_only_the_password_page_until_the_password_is_changed()
    {
        using var session = new WebSession(host);
        await session.GetHtmlAsync("/");
        var (status, page, location) = await session.SubmitAsync("/", new()
        {
            ["UserName"] = ProductionSettings.AdminUserName,
            ["Password"] = ProductionSettings.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("/password", location);
        Assert.Contains("首次登录须先修改密码", page, StringComparison.Ordinal);

        var (inbox, _) = await session.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, inbox);

        var (mismatch, mismatchHtml, _) = await session.SubmitAsync("/password", new()
        {
            ["CurrentPassword"] = ProductionSettings.AdminPassword, ["NewPassword"] = "Chief-Second-2!", ["ConfirmPassword"] = "Chief-Second-3!",
        });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch);
        Assert.Contains("两次输入的新密码不一致", mismatchHtml, StringComparison.Ordinal);
        var (weak, weakHtml, _) = await session.SubmitAsync("/password", new()
        {
            ["CurrentPassword"] = ProductionSettings.AdminPassword, ["NewPassword"] = "short", ["ConfirmPassword"] = "short",
        });
        Assert.Equal(HttpStatusCode.BadRequest, weak);
        Assert.Contains("密码至少须有 8 个字符。", weakHtml, StringComparison.Ordinal);

        var (changed, inboxHtml, inboxLocation) = await session.SubmitAsync("/password", new()
        {
            ["CurrentPassword"] = ProductionSettings.AdminPassword, ["NewPassword"] = "Chief-Second-2!", ["ConfirmPassword"] = "Chief-Second-2!",
        });
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal("/inbox", inboxLocation);
        Assert.Contains("密码已修改", inboxHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/designer\"", inboxHtml, StringComparison.Ordinal);

        var (signedOut, signInPage, home) = await session.SubmitAsync("/signout", []);
        Assert.Equal(HttpStatusCode.OK, signedOut);
        Assert.Equal("/", home);
        Assert.Contains("id=\"sign-in-form\"", signInPage, StringComparison.Ordinal);
        var (afterSignOut, _) = await session.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut);
        using var again = await WebSession.SignInAsync(host, ProductionSettings.AdminUserName, "Chief-Second-2!");
    }
}

public sealed class FirstSignInTestsOnSqlite(ProductionSqliteHostFixture host) : FirstSignInTests<ProductionSqliteHostFixture>(host);

public sealed class FirstSignInTestsOnPostgreSql(ProductionPostgresHostFixture host) : FirstSignInTests<ProductionPostgresHostFixture>(host);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Auth;

/// <summary>The password rules as a user reads them: in Chinese on the Chinese password page, in English on the English one and in the API.</summary>
public abstract class PasswordRuleMessagesTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task A_weak_new_password_is_refused_with_the_rules_in_the_pages_language()
    {
        await host.CreateUserAsync("pw-rules", "Pw-Rules-1!");
        using var session = await WebSession.SignInAsync(host, "pw-rules", "Pw-Rules-1!");
        await session.GetHtmlAsync("/password");
        var weak = new Dictionary<string, string> { ["CurrentPassword"] = "Pw-Rules-1!", ["NewPassword"] = "weakly", ["ConfirmPassword"] = "weakly" };

        var (status, chinese, _) = await session.SubmitAsync("/password", weak);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("密码至少须有 8 个字符。", chinese, StringComparison.Ordinal);
        Assert.Contains("密码须至少包含一个数字（0–9）。", chinese, StringComparison.Ordinal);
        Assert.Contains("密码须至少包含一个大写字母（A–Z）。", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("Passwords must", chinese, StringComparison.Ordinal);
        var (wrongStatus, wrongCurrent, _) = await session.SubmitAsync("/password", new()
        {
            ["CurrentPassword"] = "Not-Mine-1!", ["NewPassword"] = "Pw-Rules-2!", ["ConfirmPassword"] = "Pw-Rules-2!",
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrongStatus);
        Assert.Contains("当前密码错误。", wrongCurrent, StringComparison.Ordinal);

        await session.SubmitAsync("/language", new() { ["culture"] = "en", ["returnUrl"] = "/password" });
        var (englishStatus, english, _) = await session.SubmitAsync("/password", weak);
        Assert.Equal(HttpStatusCode.BadRequest, englishStatus);
        Assert.Contains("Passwords must be at least 8 characters.", english, StringComparison.Ordinal);
        Assert.Contains("Passwords must have at least one digit", english, StringComparison.Ordinal);
        Assert.DoesNotContain("密码至少须有", english, StringComparison.Ordinal);

        using var signIn = await WebSession.SignInAsync(host, "pw-rules", "Pw-Rules-1!");
    }

    [Fact]
    public async Task The_api_refuses_a_weak_password_of_a_new_user_in_English_and_creates_no_user()
    {
        using var admin = await host.CreateAdminClientAsync();
        using var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "pw-weak", password = "weakly", organisationCode = "CNIPA", roles = new[] { "national-reviewer" },
        }, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var messages = problem["errors"]!["password"]!.AsArray().Select(m => (string)m!).ToList();
        Assert.Contains("Passwords must be at least 8 characters.", messages);
        Assert.Contains("Passwords must have at least one digit ('0'-'9').", messages);
        var users = await admin.GetFromJsonAsync<JsonArray>("/api/admin/users", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(users!, u => (string?)u!["userName"] == "pw-weak");
    }
}

public sealed class PasswordRuleMessagesTestsOnSqlite(SqliteHostFixture host) : PasswordRuleMessagesTests<SqliteHostFixture>(host);

public sealed class PasswordRuleMessagesTestsOnPostgreSql(PostgresHostFixture host) : PasswordRuleMessagesTests<PostgresHostFixture>(host);

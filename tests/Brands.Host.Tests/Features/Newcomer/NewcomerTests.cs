using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Brands.Host.Tests.Features.Email;
using Brands.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Brands.Host.Tests.Features.Newcomer;

/// <summary>
/// Issue 12's "Done when", end to end (README "Using the web app" and "Email"): the host on real HTTP with a real
/// SMTP server, a real Chromium. A reviewer signs in on the root page, opens the inbox and the task, is refused once
/// beside the required field, completes the task through its form; the next step's assignee receives the Chinese
/// mail whose link opens the new task after signing in; the case view shows the case at the next step.
/// </summary>
public abstract partial class NewcomerTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture, IMailHostFixture
{
    private const string Password = Infrastructure.People.Password;

    [Fact]
    public async Task A_reviewer_signs_in_completes_a_task_through_its_form_and_the_next_assignee_receives_the_mail_that_opens_the_next_task()
    {
        var database = typeof(TFixture).Name.StartsWith("Postgres", StringComparison.Ordinal) ? "postgresql" : "sqlite";
        var caseId = await PrepareCaseAsync("2026-ZJ-NEWCOMER-1");
        await using var chromium = await HeadlessChromium.StartAsync();

        await using var reviewerWindow = await chromium.NewWindowAsync(host.BaseAddress);
        var page = await reviewerWindow.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/");
        await SignInAsync(page, "zj-reviewer");
        // The URL, not the load event: the inbox may finish loading before this line runs.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inbox$"));

        await page.Locator(".tabs a[data-tab=group]").ClickAsync();
        var row = page.Locator("#tasks tbody tr").Filter(new LocatorFilterOptions { HasText = "2026-ZJ-NEWCOMER-1" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator(".business-key")).ToHaveTextAsync("2026-ZJ-NEWCOMER-1");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath($"newcomer-inbox-{database}.png"), FullPage = true });

        await row.Locator("a.task-link").ClickAsync();
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("#task-name")).ToHaveTextAsync("省局初审");

        // The required opinion left empty: the host refuses it and says so beside the field.
        await page.Locator("#complete-button").ClickAsync();
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        var fieldError = page.Locator("#task-form .fjs-form-field-textfield .fjs-form-field-error");
        await Assertions.Expect(fieldError).ToBeVisibleAsync();
        await Assertions.Expect(fieldError).ToHaveTextAsync("此项为必填项。");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath($"newcomer-refused-{database}.png"), FullPage = true });
        Assert.DoesNotContain(host.Smtp.Messages(), m => m.Subject?.Contains("省局复核", StringComparison.Ordinal) == true);

        await page.Locator("#task-form .fjs-form-field-textfield input").FillAsync("材料齐全，同意推荐");
        await page.Locator("#complete-button").ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("任务已办理完成");

        // The next step is zj-reviewer2's: its mail, in Chinese, links to the new task.
        var mail = Assert.Single(await host.Smtp.WaitForAsync(m => m.IsTo("zj-reviewer2@example.cn")
            && m.Subject?.Contains("省局复核", StringComparison.Ordinal) == true));
        Assert.Equal("【待办】省局复核（2026-ZJ-NEWCOMER-1）", mail.Subject);
        Assert.Contains("zj-reviewer2，您好", mail.Text(), StringComparison.Ordinal);
        var link = TaskLink().Match(mail.Text());
        Assert.True(link.Success, mail.Text());
        Assert.StartsWith(MailSettings.PublicBaseUrl + "/tasks/", link.Value, StringComparison.Ordinal);
        var nextTaskId = Guid.Parse(link.Groups[1].Value);
        var openTask = Assert.Single(await WebTasksAsync(caseId));
        Assert.Equal(nextTaskId, (Guid)openTask!["id"]!);

        // The link (on this host's address) asks the assignee to sign in, then opens that task.
        await using var assigneeWindow = await chromium.NewWindowAsync(host.BaseAddress);
        var assigneePage = await assigneeWindow.NewPageAsync();
        await assigneePage.GotoAsync(new Uri(link.Value).PathAndQuery);
        await Assertions.Expect(assigneePage).ToHaveURLAsync(new Regex(@"/\?ReturnUrl="));
        await SignInAsync(assigneePage, "zj-reviewer2");
        await Assertions.Expect(assigneePage).ToHaveURLAsync(new Regex($"/tasks/{nextTaskId}$"));
        await Assertions.Expect(assigneePage.Locator("#task-name")).ToHaveTextAsync("省局复核");
        await assigneePage.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath($"newcomer-next-task-{database}.png"), FullPage = true });

        // The case view shows the case advanced: it waits at the second step, and the first is in its history.
        await page.GotoAsync($"/cases/{caseId}");
        await Assertions.Expect(page.Locator(".case-waits tr[data-kind='task'] td").Nth(1)).ToHaveTextAsync("省局复核");
        await Assertions.Expect(page.Locator(".case-history")).ToContainTextAsync("完成任务");
        await Assertions.Expect(page.Locator(".case-history")).ToContainTextAsync("省局初审");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath($"newcomer-case-view-{database}.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private async Task<Guid> PrepareCaseAsync(string businessKey)
    {
        await Infrastructure.People.ProvisionAsync(host);
        using var admin = await host.CreateAdminClientAsync();
        await admin.SaveFormAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Features", "Newcomer", "newcomer-form.json")));
        using (var deployed = await admin.DeployAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Features", "Newcomer", "newcomer-review.bpmn"))))
        {
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
        }

        using var applicant = await host.CreateClientAsync("zj-tea", Password);
        return await MailTestSupport.StartAsync(applicant, "newcomer-review", businessKey, new { applicantName = "杭州西湖龙井茶叶有限公司" });
    }

    private async Task<JsonArray> WebTasksAsync(Guid caseId)
    {
        using var admin = await host.CreateAdminClientAsync();
        return (await admin.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}"))!;
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.Locator("input[name=UserName]").FillAsync(userName);
        await page.Locator("input[name=Password]").FillAsync(Password);
        await page.Locator("#sign-in-form button[type=submit]").ClickAsync();
    }

    [GeneratedRegex(@"https?://\S+/tasks/([0-9a-f-]{36})")]
    private static partial Regex TaskLink();
}

public sealed class NewcomerTestsOnSqlite(SqliteMailHostFixture host) : NewcomerTests<SqliteMailHostFixture>(host);

public sealed class NewcomerTestsOnPostgreSql(PostgresMailHostFixture host) : NewcomerTests<PostgresMailHostFixture>(host);

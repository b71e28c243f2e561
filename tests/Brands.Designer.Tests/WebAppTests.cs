using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Brands.Designer.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Brands.Designer.Tests;

/// <summary>
/// The staff web app in a real browser (README "Using the web app"): sign in, find a task by filter, submit its
/// form with a value the host refuses and see the error beside the field, fix it, and see the case move on.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class WebAppTests(DesignerFixture fixture)
{
    [Fact]
    public async Task A_reviewer_finds_a_task_by_filter_corrects_a_refused_value_beside_its_field_and_completes_the_case()
    {
        using var api = await fixture.CreateAdminClientAsync();
        await SendAsync(api, "/api/forms", File.ReadAllText(RepositoryFiles.Fixture("web-review-form.json")), "application/json");
        await SendAsync(api, "/api/definitions", File.ReadAllText(RepositoryFiles.Fixture("web-review.bpmn")), "application/xml");
        var caseId = await StartAsync(api, "2026-ZJ-BROWSER-1", "杭州西湖龙井茶叶有限公司");
        await StartAsync(api, "2026-ZJ-BROWSER-2", "湖州丝绸有限公司");

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/");
        await page.Locator("input[name=UserName]").FillAsync("admin");
        await page.Locator("input[name=Password]").FillAsync(DesignerHost.AdminPassword);
        await page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/inbox");

        // My groups' tasks, narrowed by process and applicant.
        await page.Locator(".tabs a[data-tab=group]").ClickAsync();
        await page.Locator("#filter-form select[name=process]").SelectOptionAsync("web-review");
        await page.Locator("#filter-form input[name=q]").FillAsync("西湖龙井");
        await page.Locator("#apply-filter").ClickAsync();
        var rows = page.Locator("#tasks tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Locator(".business-key")).ToHaveTextAsync("2026-ZJ-BROWSER-1");
        await Assertions.Expect(rows.Locator(".badge.warning")).ToHaveTextAsync("即将到期");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryFiles.ArtifactPath("inbox.png"), FullPage = true });

        await rows.Locator("a.task-link").ClickAsync();
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("#task-name")).ToHaveTextAsync("省局初审");
        var score = page.Locator("#task-form .fjs-form-field-number input");
        await score.FillAsync("150");
        await page.Locator("#complete-button").ClickAsync();

        // The host refuses it (400); its error stands beside the field, and the value entered is still there.
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        var fieldError = page.Locator("#task-form .fjs-form-field-number .fjs-form-field-error");
        await Assertions.Expect(fieldError).ToContainTextAsync("请输入不大于 100 的数字。");
        await Assertions.Expect(page.Locator("#task-form .fjs-form-field-number input")).ToHaveValueAsync("150");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryFiles.ArtifactPath("task-page.png"), FullPage = true });

        await page.Locator("#task-form .fjs-form-field-number input").FillAsync("88");
        await page.Locator("#task-form .fjs-form-field-textfield input").FillAsync("材料齐全，同意推荐");
        await page.Locator("#complete-button").ClickAsync();

        // The next task of the case opens: the case waits at the second step now.
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("任务已办理完成。下一个任务：省局复核");
        await Assertions.Expect(page.Locator("#task-name")).ToHaveTextAsync("省局复核");
        await Assertions.Expect(page.Locator("#waiting-at")).ToHaveTextAsync("省局复核");
        await page.Locator("#complete-button").ClickAsync();
        await page.WaitForURLAsync("**/inbox");
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("任务已办理完成。");

        var finished = await api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", TestContext.Current.CancellationToken);
        Assert.Equal("completed", (string?)finished!["status"]);
        Assert.Equal(88, (int)finished["variables"]!["score"]!);
        Assert.Equal("材料齐全，同意推荐", (string?)finished["variables"]!["note"]);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        await context.CloseAsync();
    }

    private static async Task SendAsync(HttpClient api, string path, string body, string mediaType)
    {
        using var response = await api.PostAsync(path, new StringContent(body, Encoding.UTF8, mediaType), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<Guid> StartAsync(HttpClient api, string businessKey, string applicantName)
    {
        using var started = await api.PostAsJsonAsync("/api/cases",
            new { definitionKey = "web-review", businessKey, variables = new { applicantName } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!;
    }
}

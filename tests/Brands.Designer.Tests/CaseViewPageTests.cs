using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Designer.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Brands.Designer.Tests;

/// <summary>The case view page at /cases/{id} in a real browser (README "Case view"): the diagram with where the case is and the path it took.</summary>
[Collection(DesignerCollection.Name)]
public sealed class CaseViewPageTests(DesignerFixture fixture)
{
    [Fact]
    public async Task The_case_view_shows_the_diagram_with_the_active_task_highlighted_and_the_completed_path_marked()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var api = await fixture.CreateAdminClientAsync();
        using (var deployed = await api.PostAsync("/api/definitions",
            new StringContent(await File.ReadAllTextAsync(RepositoryFiles.Fixture("case-view.bpmn"), cancel), System.Text.Encoding.UTF8, "application/xml"), cancel))
        {
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(cancel));
        }

        using var started = await api.PostAsJsonAsync("/api/cases", new { definitionKey = "case-view-demo", businessKey = "2026-区域-浙江-0007", variables = new { 品牌 = "西湖龙井" } }, cancel);
        var caseId = (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(cancel))!["id"]!;
        var submit = Assert.Single((await api.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}", cancel))!)!;
        using (var completed = await api.PostAsJsonAsync($"/api/tasks/{(Guid)submit["id"]!}/complete", new { variables = new { 材料齐全 = true } }, cancel))
        {
            Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        }

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1600 },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        // Not signed in: the page sends the visitor to sign in and brings them back.
        await page.GotoAsync($"/cases/{caseId}");
        await page.WaitForURLAsync("**/?ReturnUrl=*");
        await page.Locator("input[name=UserName]").FillAsync("admin");
        await page.Locator("input[name=Password]").FillAsync(DesignerHost.AdminPassword);
        await page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/cases/{caseId}");

        await Assertions.Expect(page.Locator("#case-diagram[data-ready=true]")).ToHaveCountAsync(1);
        var active = page.Locator("#case-diagram .djs-element.brands-active[data-element-id='Review']");
        await Assertions.Expect(active).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#case-diagram .djs-element.brands-completed[data-element-id='Submit']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#case-diagram .djs-connection.brands-path[data-element-id='toReview']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#case-diagram .djs-connection.brands-path[data-element-id='toEnd']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#case-diagram .djs-element.brands-active")).ToHaveCountAsync(1);
        // What a person sees: the active task drawn in the highlight colour, the completed one in the path colour.
        Assert.Equal("rgb(21, 101, 192)", await active.Locator(".djs-visual > :first-child").EvaluateAsync<string>("e => getComputedStyle(e).stroke"));
        Assert.Equal("rgb(46, 125, 50)", await page.Locator("#case-diagram [data-element-id='Submit'] .djs-visual > :first-child")
            .EvaluateAsync<string>("e => getComputedStyle(e).stroke"));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("案件 2026-区域-浙江-0007");
        await Assertions.Expect(page.Locator(".case-waits tr[data-kind='task'] td").Nth(1)).ToHaveTextAsync("省局审核");
        await Assertions.Expect(page.Locator(".case-history")).ToContainTextAsync("完成任务");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryFiles.ArtifactPath("case-view.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        await context.DisposeAsync();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Brands.Designer.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Brands.Designer.Tests;

/// <summary>
/// An administrator migrates the cases waiting at a user task to a version that renamed the task, through the
/// designer's "迁移运行中的案件" dialog, confirming the renamed task as the target (README "Migrating running cases").
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class MigrationDialogTests(DesignerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>simple.bpmn under the key <c>migrating</c>; version 2 renames the task <c>task</c> to <c>review</c>.</summary>
    private static async Task<string> SimpleAsync(bool renamed)
    {
        var xml = (await File.ReadAllTextAsync(RepositoryFiles.Fixture("simple.bpmn"), Cancel))
            .Replace("id=\"simple\"", "id=\"migrating\"", StringComparison.Ordinal)
            .Replace("bpmnElement=\"simple\"", "bpmnElement=\"migrating\"", StringComparison.Ordinal);
        return renamed
            ? xml.Replace("\"task\"", "\"review\"", StringComparison.Ordinal).Replace("name=\"Check\"", "name=\"复核\"", StringComparison.Ordinal)
            : xml;
    }

    private static async Task DeployAsync(HttpClient api, string xml)
    {
        using var deployed = await api.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"), Cancel);
        Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);
    }

    [Fact]
    public async Task Cases_waiting_at_a_renamed_task_move_to_the_new_version_through_the_dialog()
    {
        using var api = await fixture.CreateAdminClientAsync();
        await DeployAsync(api, await SimpleAsync(renamed: false));
        var caseIds = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var started = await api.PostAsJsonAsync("/api/cases", new { definitionKey = "migrating" }, Cancel);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            caseIds.Add((string)(await started.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!);
        }

        await DeployAsync(api, await SimpleAsync(renamed: true));

        var page = await fixture.OpenDesignerAsync();
        await page.Locator("#definition-select").SelectOptionAsync("migrating");
        await page.Locator("#migrate-button").ClickAsync();
        var dialog = page.Locator("#migration-dialog");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "迁移运行中的案件" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#migration-source")).ToHaveValueAsync("migrating:1");
        await Assertions.Expect(page.Locator("#migration-target")).ToHaveValueAsync("migrating:2");
        await Assertions.Expect(page.Locator("#migration-source option")).ToHaveTextAsync(["版本 1（运行中 2）"]);
        await page.Locator("#migration-plan-button").ClickAsync();

        await Assertions.Expect(page.Locator("#migration-summary")).ToHaveTextAsync("版本 1 上有 2 个运行中的案件，将迁移到版本 2。");
        var row = page.Locator("#migration-unmapped tr[data-element-id='task']");
        await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync("Check (task) · 用户任务 · 2 个案件在此等待");
        var choice = row.Locator("select.migration-choice");
        await Assertions.Expect(choice.Locator("option")).ToHaveTextAsync(["不映射", "review"]);
        await choice.SelectOptionAsync("review");
        await page.Locator("#migration-run-button").ClickAsync();

        var migrated = page.Locator("#migration-results li.migration-migrated");
        await Assertions.Expect(migrated).ToHaveCountAsync(2);
        await Assertions.Expect(migrated.First).ToContainTextAsync("已迁移到版本 2。");
        await Assertions.Expect(page.Locator("#migration-results li.migration-refused")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryFiles.ArtifactPath("migration-dialog.png") });
        await page.Locator("#migration-close-button").ClickAsync();
        await Assertions.Expect(page.Locator("#version-select option[value='2']")).ToHaveTextAsync("版本 2（运行中 2，已完成 0）");

        foreach (var caseId in caseIds)
        {
            var @case = (await api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", Cancel))!;
            Assert.Equal(2, (int)@case["definitionVersion"]!);
            var task = Assert.Single((await api.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}", Cancel))!)!;
            Assert.Equal(("review", "复核"), ((string?)task["elementId"], (string?)task["name"]));
        }

        var history = (await api.GetFromJsonAsync<JsonArray>($"/api/cases/{caseIds[0]}/history", Cancel))!;
        var entry = history.Single(h => (string?)h!["kind"] == "case-migrated")!;
        Assert.Equal("admin", (string?)entry["userId"]);
        Assert.Equal("review", (string?)entry["data"]!["mapping"]!["task"]);
    }
}

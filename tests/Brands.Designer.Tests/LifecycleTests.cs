using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Brands.Designer.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Brands.Designer.Tests;

/// <summary>
/// The "done when": an administrator opens a deployed process in /designer, changes its reminder interval in
/// the properties panel, deploys, sees what changed, and the next case's reminder runs on the new interval.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class LifecycleTests(DesignerFixture fixture)
{
    [Fact]
    public async Task An_administrator_changes_the_reminder_interval_in_the_panel_deploys_and_the_next_case_uses_it()
    {
        using var api = await fixture.CreateAdminClientAsync();
        var xml = await File.ReadAllTextAsync(RepositoryFiles.Fixture("reminder.bpmn"), TestContext.Current.CancellationToken);
        using (var deployed = await api.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);
        }

        var page = await fixture.OpenDesignerAsync();
        await page.Locator("#definition-select").SelectOptionAsync("material-review");
        await page.Locator("#open-button").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已打开 material-review 版本 最新版本。");

        await page.Locator(".djs-element.djs-shape[data-element-id='remind']").ClickAsync();
        await page.Locator(".bio-properties-panel-group-header", new() { HasText = "定时器" }).ClickAsync();
        var interval = page.Locator("#bio-properties-panel-timerEventDefinitionValue");
        await Assertions.Expect(interval).ToHaveValueAsync("R/P3D");
        await interval.FillAsync("R/P1D");
        await interval.PressAsync("Tab");
        await page.Locator("#deploy-button").ClickAsync();

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已部署 material-review 版本 2。");
        await Assertions.Expect(page.Locator("#changes li.change")).ToHaveTextAsync(["修改 边界事件 提醒 (remind): timerEventDefinition/timeCycle: R/P3D → R/P1D"]);

        using var started = await api.PostAsJsonAsync("/api/cases", new { definitionKey = "material-review" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var caseId = (string)(await started.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!;
        var @case = (await api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", TestContext.Current.CancellationToken))!;
        Assert.Equal(2, (int)@case["definitionVersion"]!);
        var startedAt = Instant(@case["startedAt"]!);
        var timers = await api.GetFromJsonAsync<JsonArray>($"/api/admin/timers?caseId={caseId}", TestContext.Current.CancellationToken);
        var reminder = Assert.Single(timers!)!;
        Assert.Equal("remind", (string?)reminder["elementId"]);
        Assert.Equal("R/P1D", (string?)reminder["value"]);
        Assert.InRange(Instant(reminder["dueAt"]!) - startedAt, TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        // The versions list counts the new case on version 2.
        await page.Locator("#definition-select").SelectOptionAsync("material-review");
        await Assertions.Expect(page.Locator("#version-select option[value='2']")).ToHaveTextAsync("版本 2（运行中 1，已完成 0）");
    }

    [Fact]
    public async Task A_deploy_overtaken_by_another_administrators_deploy_is_refused_and_says_so()
    {
        using var api = await fixture.CreateAdminClientAsync();
        var xml = (await File.ReadAllTextAsync(RepositoryFiles.Fixture("simple.bpmn"), TestContext.Current.CancellationToken))
            .Replace("id=\"simple\"", "id=\"overtaken\"", StringComparison.Ordinal).Replace("bpmnElement=\"simple\"", "bpmnElement=\"overtaken\"", StringComparison.Ordinal);
        using (var deployed = await api.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);
        }

        var page = await fixture.OpenDesignerAsync();
        await page.Locator("#definition-select").SelectOptionAsync("overtaken");
        await page.Locator("#open-button").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("已打开 overtaken");
        using (var other = await api.PostAsync("/api/definitions", new StringContent(xml.Replace("name=\"Check\"", "name=\"Checked elsewhere\"", StringComparison.Ordinal), Encoding.UTF8, "application/xml"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        }

        await page.EvaluateAsync("() => { const m = window.brandsDesigner.modeler; m.get('modeling').updateLabel(m.get('elementRegistry').get('task'), '复核'); }");
        await page.Locator("#deploy-button").ClickAsync();

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync(
            "服务器拒绝了该文件： Someone else deployed 'overtaken' version 2 after version 1, which this file was made from: open the latest version and deploy again.");
        var versions = await api.GetFromJsonAsync<JsonArray>("/api/definitions/overtaken/versions", TestContext.Current.CancellationToken);
        Assert.Equal(2, versions!.Count);
    }

    private static DateTimeOffset Instant(JsonNode value) => DateTimeOffset.Parse((string)value!, CultureInfo.InvariantCulture);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Designer.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Brands.Designer.Tests;

/// <summary>An administrator draws a process, sets its assignee in the properties panel, deploys it, and a case uses it.</summary>
[Collection(DesignerCollection.Name)]
public sealed class ModelingTests(DesignerFixture fixture)
{
    [Fact]
    public async Task A_process_drawn_in_the_designer_with_assignee_and_due_date_set_in_the_panel_deploys_and_its_case_has_the_task()
    {
        var page = await fixture.OpenDesignerAsync();
        await page.Locator("#new-button").ClickAsync();
        // Drag and drop from the palette is impractical headless; the shapes are appended through the modeler itself.
        var drawn = await page.EvaluateJsonAsync("""
            () => {
              const modeler = window.brandsDesigner.modeler;
              const modeling = modeler.get('modeling');
              const factory = modeler.get('elementFactory');
              const start = modeler.get('elementRegistry').get('StartEvent_1');
              const task = modeling.appendShape(start, factory.createShape({ type: 'bpmn:UserTask' }), { x: start.x + 220, y: start.y + 18 });
              modeling.updateLabel(task, '审核申请');
              modeling.appendShape(task, factory.createShape({ type: 'bpmn:EndEvent' }), { x: task.x + 250, y: task.y + 40 });
              const process = modeler.getDefinitions().rootElements.find(root => root.$type === 'bpmn:Process');
              return { processId: process.id, taskId: task.id };
            }
            """);
        var processId = drawn.GetProperty("processId").GetString()!;
        var taskId = drawn.GetProperty("taskId").GetString()!;

        // Select the task on the canvas and set its assignee in the properties panel, as an administrator would.
        await page.Locator($".djs-element.djs-shape[data-element-id='{taskId}']").ClickAsync();
        await page.Locator(".bio-properties-panel-group-header", new() { HasText = "用户分配" }).ClickAsync();
        var assignee = page.Locator("#bio-properties-panel-assignee");
        await assignee.FillAsync("admin");
        await assignee.PressAsync("Tab");
        var dueDate = page.Locator("#bio-properties-panel-dueDate");
        await dueDate.FillAsync("P3D");
        await dueDate.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".bio-properties-panel-group-header", new() { HasText = "用户分配" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryFiles.ArtifactPath("designer-with-properties-panel.png") });

        await page.Locator("#deploy-button").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync($"已部署 {processId} 版本 1。");

        using var api = await fixture.CreateAdminClientAsync();
        using var started = await api.PostAsJsonAsync("/api/cases", new { definitionKey = processId }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var caseId = (string)(await started.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!;
        var tasks = await api.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}", TestContext.Current.CancellationToken);
        var task = Assert.Single(tasks!)!;
        Assert.Equal(taskId, (string?)task["elementId"]);
        Assert.Equal("审核申请", (string?)task["name"]);
        Assert.Equal("admin", (string?)task["assignee"]);
        var dueIn = DateTimeOffset.Parse((string)task["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse((string)task["createdAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromDays(3), dueIn);
    }

    [Fact]
    public async Task A_deployed_version_can_be_opened_again_from_the_toolbar()
    {
        var page = await fixture.OpenDesignerAsync();
        using var api = await fixture.CreateAdminClientAsync();
        using (var deployed = await api.PostAsync("/api/definitions", new StringContent(await File.ReadAllTextAsync(RepositoryFiles.Fixture("simple.bpmn"), TestContext.Current.CancellationToken), System.Text.Encoding.UTF8, "application/xml"), TestContext.Current.CancellationToken))
        {
            Assert.True(deployed.IsSuccessStatusCode);
        }

        await page.ReloadAsync();
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await page.Locator("#definition-select").SelectOptionAsync("simple");
        await Assertions.Expect(page.Locator("#version-select option")).ToHaveCountAsync(2);
        await page.Locator("#version-select").SelectOptionAsync("1");
        await page.Locator("#open-button").ClickAsync();

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已打开 simple 版本 1。");
        await Assertions.Expect(page.Locator(".djs-element.djs-shape[data-element-id='task']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Download_saves_the_diagram_as_a_bpmn_file_named_after_its_process()
    {
        var page = await fixture.OpenDesignerAsync();
        Assert.True(await page.ImportAsync(await File.ReadAllTextAsync(RepositoryFiles.Fixture("simple.bpmn"), TestContext.Current.CancellationToken)));

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-button").ClickAsync());

        Assert.Equal("simple.bpmn", download.SuggestedFilename);
        var saved = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains("<bpmn:userTask id=\"task\" name=\"Check\" camunda:assignee=\"admin\"", saved, StringComparison.Ordinal);
        Assert.Contains("<bpmndi:BPMNShape id=\"task_di\" bpmnElement=\"task\">", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyboard_shortcuts_delete_undo_and_redo_on_the_canvas()
    {
        var page = await fixture.OpenDesignerAsync();
        Assert.True(await page.ImportAsync(await File.ReadAllTextAsync(RepositoryFiles.Fixture("simple.bpmn"), TestContext.Current.CancellationToken)));
        var task = page.Locator(".djs-element.djs-shape[data-element-id='task']");

        await task.ClickAsync();
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(task).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(task).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Control+y");
        await Assertions.Expect(task).ToHaveCountAsync(0);
        await page.Locator("#undo-button").ClickAsync();
        await Assertions.Expect(task).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Token_simulation_and_the_minimap_are_switched_from_the_toolbar()
    {
        var page = await fixture.OpenDesignerAsync();
        Assert.True(await page.ImportAsync(await File.ReadAllTextAsync(RepositoryFiles.Fixture("simple.bpmn"), TestContext.Current.CancellationToken)));

        await page.Locator("#simulation-button").ClickAsync();
        await Assertions.Expect(page.Locator("#canvas .simulation")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".djs-palette")).ToBeHiddenAsync();
        await page.Locator("#simulation-button").ClickAsync();
        await Assertions.Expect(page.Locator("#canvas .simulation")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".djs-palette")).ToBeVisibleAsync();

        await page.Locator("#minimap-button").ClickAsync();
        await Assertions.Expect(page.Locator(".djs-minimap.open")).ToBeVisibleAsync();
        await page.Locator("#minimap-button").ClickAsync();
        await Assertions.Expect(page.Locator(".djs-minimap.open")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_language_switches_to_english_and_back_and_keeps_the_diagram()
    {
        var page = await fixture.OpenDesignerAsync();
        Assert.True(await page.ImportAsync(await File.ReadAllTextAsync(RepositoryFiles.Fixture("simple.bpmn"), TestContext.Current.CancellationToken)));
        await Assertions.Expect(page.Locator(".djs-palette .entry[aria-label='创建开始事件']")).ToBeVisibleAsync();

        await page.Locator("#language-select").SelectOptionAsync("en");
        await page.Locator("body[data-ready=true]").WaitForAsync();

        await Assertions.Expect(page.Locator(".djs-palette .entry[aria-label='Create start event']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#deploy-button")).ToHaveTextAsync("Deploy");
        await Assertions.Expect(page.Locator(".djs-element.djs-shape[data-element-id='task']")).ToBeVisibleAsync();

        await page.Locator("#language-select").SelectOptionAsync("zh-CN");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("#deploy-button")).ToHaveTextAsync("部署");
    }

    [Fact]
    public async Task The_diagram_viewer_marks_active_and_completed_elements()
    {
        var page = await fixture.OpenDesignerAsync();
        var xml = await File.ReadAllTextAsync(RepositoryFiles.Fixture("simple.bpmn"), TestContext.Current.CancellationToken);

        var marked = await page.EvaluateJsonAsync("""
            async xml => {
              const { showDiagram } = await import('/designer/assets/viewer.js');
              const container = document.createElement('div');
              container.id = 'case-diagram';
              container.style.cssText = 'position: fixed; top: 0; left: 0; width: 800px; height: 400px; background: white';
              document.body.append(container);
              const handle = await showDiagram(container, xml, { active: ['task'], completed: ['start', 'toTask', 'gone'] });
              return handle.marked;
            }
            """, xml);

        Assert.Equal(["task"], marked.GetProperty("active").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["start", "toTask"], marked.GetProperty("completed").EnumerateArray().Select(e => e.GetString()));
        await Assertions.Expect(page.Locator("#case-diagram .djs-element.brands-active[data-element-id='task']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#case-diagram .djs-element.brands-completed[data-element-id='start']")).ToBeVisibleAsync();
    }
}

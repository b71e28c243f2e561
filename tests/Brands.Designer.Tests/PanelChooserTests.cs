using System.Text;
using Brands.Designer.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Brands.Designer.Tests;

/// <summary>The properties panel offers the host's element templates and the saved forms by name, not free text.</summary>
[Collection(DesignerCollection.Name)]
public sealed class PanelChooserTests(DesignerFixture fixture)
{
    [Fact]
    public async Task An_administrator_picks_send_reminder_email_from_the_templates_and_the_task_gets_its_topic_and_input()
    {
        var page = await fixture.OpenDesignerAsync();
        await page.Locator("#new-button").ClickAsync();
        var taskId = await page.EvaluateAsync<string>("""
            () => {
              const modeler = window.brandsDesigner.modeler;
              const start = modeler.get('elementRegistry').get('StartEvent_1');
              const task = modeler.get('modeling').appendShape(start, modeler.get('elementFactory').createShape({ type: 'bpmn:ServiceTask' }), { x: start.x + 220, y: start.y + 18 });
              return task.id;
            }
            """);
        await page.Locator($".djs-element.djs-shape[data-element-id='{taskId}']").ClickAsync();

        await page.Locator(".bio-properties-panel-select-template-button").ClickAsync();
        var chooser = page.Locator("dialog.template-chooser");
        await Assertions.Expect(chooser.Locator("h2")).ToHaveTextAsync("选择模板");
        // The host's own email topic, offered by its Chinese name.
        await chooser.Locator(".template-option[data-template-id='brands.topic.email']", new() { HasText = "发送提醒邮件" }).ClickAsync();
        await Assertions.Expect(chooser).ToHaveCountAsync(0);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryFiles.ArtifactPath("designer-with-element-template.png") });
        await Assertions.Expect(page.Locator(".bio-properties-panel-header")).ToContainTextAsync("发送提醒邮件");
        await page.Locator(".bio-properties-panel-group-header", new() { HasText = "自定义属性" }).ClickAsync();
        var input = page.Locator(".bio-properties-panel-entry", new() { HasText = "邮件模板" }).Locator("input");
        await input.FillAsync("task-overdue");
        await input.PressAsync("Tab");

        var xml = await page.ExportAsync();
        Assert.Contains("camunda:type=\"external\"", xml, StringComparison.Ordinal);
        Assert.Contains("camunda:topic=\"email\"", xml, StringComparison.Ordinal);
        Assert.Contains("<camunda:inputParameter name=\"template\">task-overdue</camunda:inputParameter>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_of_a_user_task_is_chosen_from_the_saved_forms()
    {
        using var api = await fixture.CreateAdminClientAsync();
        using (var saved = await api.PostAsync("/api/forms", new StringContent("""{"id":"chooser-form","type":"default","components":[{"type":"textfield","key":"note","label":"Note"}]}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
        {
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var page = await fixture.OpenDesignerAsync();
        Assert.True(await page.ImportAsync(await File.ReadAllTextAsync(RepositoryFiles.Fixture("simple.bpmn"), TestContext.Current.CancellationToken)));
        await page.Locator(".djs-element.djs-shape[data-element-id='task']").ClickAsync();
        await page.Locator(".bio-properties-panel-group-header", new() { HasText = "表单" }).First.ClickAsync();
        await page.Locator("#bio-properties-panel-formType").SelectOptionAsync("formRef");

        var chooser = page.Locator("select#bio-properties-panel-formRef");
        await Assertions.Expect(chooser.Locator("option[value='chooser-form']")).ToHaveTextAsync("chooser-form（版本 1）");
        await chooser.SelectOptionAsync("chooser-form");

        Assert.Contains("camunda:formRef=\"chooser-form\"", await page.ExportAsync(), StringComparison.Ordinal);
    }
}

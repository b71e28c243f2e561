using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Designer.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Brands.Designer.Tests;

/// <summary>An administrator builds a task form in the form editor at /designer/forms and saves it (README "Forms").</summary>
[Collection(DesignerCollection.Name)]
public sealed class FormEditorTests(DesignerFixture fixture)
{
    [Fact]
    public async Task A_form_with_a_required_text_field_made_in_the_editor_is_saved_and_listed_by_the_api()
    {
        var page = await fixture.OpenDesignerAsync("/designer/forms");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("表单设计器");
        await page.Locator("#form-id-input").FillAsync("licence-form");
        await page.Locator("#new-form-button").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("新表单 licence-form：从左侧拖入字段。");

        // Drag a text field from the palette onto the empty form, select it, and make it required in the panel.
        await page.Locator(".fjs-palette-field[data-field-type='textfield']").DragToAsync(page.Locator(".fjs-drop-container-vertical").First);
        var field = page.Locator(".fjs-editor-container .fjs-element[data-field-type='textfield']");
        await Assertions.Expect(field).ToHaveCountAsync(1);
        // A click selects the field (a second click would unselect it): the panel then edits the text field.
        var panelType = page.Locator(".bio-properties-panel-header-type");
        if (await panelType.TextContentAsync() != "Text field")
        {
            await field.ClickAsync();
        }

        await Assertions.Expect(panelType).ToHaveTextAsync("Text field");
        var validation = page.Locator(".bio-properties-panel-group-header", new() { HasText = "Validation" });
        await validation.ClickAsync();
        await page.Locator("#bio-properties-panel-required").CheckAsync();

        await page.Locator("#preview-button").ClickAsync();
        await Assertions.Expect(page.Locator("#form-preview-canvas .fjs-form-field-textfield input")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryFiles.ArtifactPath("form-editor-with-preview.png") });
        await page.Locator("#save-form-button").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已保存 licence-form 版本 1。");
        await Assertions.Expect(page.Locator("#form-select option[value='licence-form']")).ToHaveTextAsync("licence-form（版本 1）");

        using var api = await fixture.CreateAdminClientAsync();
        var listed = await api.GetFromJsonAsync<JsonArray>("/api/forms", TestContext.Current.CancellationToken);
        Assert.Equal(1, (int)Assert.Single(listed!, f => (string?)f!["id"] == "licence-form")!["version"]!);
        var schema = await api.GetFromJsonAsync<JsonObject>("/api/forms/licence-form", TestContext.Current.CancellationToken);
        var textField = Assert.Single(schema!["components"]!.AsArray(), c => (string?)c!["type"] == "textfield")!;
        Assert.True((bool)textField["validate"]!["required"]!);
        Assert.False(string.IsNullOrEmpty((string?)textField["key"]));
    }

    [Fact]
    public async Task The_form_editor_is_for_administrators_only()
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };

        using var response = await client.GetAsync("/designer/forms", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/designer/sign-in?returnUrl=%2Fdesigner%2Fforms", response.Headers.Location?.OriginalString);
    }
}

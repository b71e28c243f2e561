using Brands.Designer.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Brands.Designer.Tests;

/// <summary>Files the designer refuses, and where it says why.</summary>
[Collection(DesignerCollection.Name)]
public sealed class BadInputTests(DesignerFixture fixture)
{
    [Fact]
    public async Task Uploading_a_file_that_is_not_bpmn_says_so_and_keeps_the_diagram()
    {
        var page = await fixture.OpenDesignerAsync();

        await page.Locator("#upload-input").SetInputFilesAsync(RepositoryFiles.Fixture("not-bpmn.bpmn"));

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("该文件不是 BPMN 2.0 XML。");
        await Assertions.Expect(page.Locator(".djs-element[data-element-id='StartEvent_1']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Uploading_a_file_with_a_dtd_is_refused()
    {
        var page = await fixture.OpenDesignerAsync();

        await page.Locator("#upload-input").SetInputFilesAsync(RepositoryFiles.Fixture("with-dtd.bpmn"));

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("该文件包含 DTD；BPMN 文件不需要 DTD。");
    }

    [Fact]
    public async Task Unsupported_elements_are_flagged_while_drawing_and_the_servers_errors_appear_on_them_after_deploy()
    {
        var page = await fixture.OpenDesignerAsync();
        string[] unsupported = ["complexGateway", "conditionChanged", "messageEnd"];

        await page.Locator("#upload-input").SetInputFilesAsync(RepositoryFiles.Fixture("unsupported-elements.bpmn"));
        await Assertions.Expect(page.Locator(".djs-element[data-element-id='complexGateway']")).ToBeVisibleAsync();

        Assert.Equal(unsupported, await page.LintErrorIdsAsync());
        await Assertions.Expect(page.Locator(".bjsl-overlay")).ToHaveCountAsync(unsupported.Length);

        await page.Locator("#deploy-button").ClickAsync();

        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("服务器拒绝了该文件");
        foreach (var id in unsupported)
        {
            await Assertions.Expect(page.Locator($".brands-error-badge[data-element-id='{id}']")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($".djs-element.brands-server-error[data-element-id='{id}']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator($"#problems li[data-element-id='{id}']")).ToContainTextAsync("not supported");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryFiles.ArtifactPath("designer-with-server-errors.png") });
        await page.Locator("#problems li[data-element-id='complexGateway']").ClickAsync();
        Assert.Equal("complexGateway", await page.EvaluateAsync<string>("() => window.brandsDesigner.modeler.get('selection').get()[0].id"));
    }
}

using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.ElementTemplates;
using Brands.Workflows.Handlers;
using Xunit;

namespace Brands.Host.Tests.Infrastructure.ElementTemplates;

public sealed class ElementTemplateCatalogTests
{
    private sealed class NamedListener(string name) : IListenerHandler
    {
        public string Name => name;

        public Task ExecuteAsync(ListenerContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static readonly ListenerTemplate Notice = new("notifyApplicant", "end",
        new LocalizedText("通知申请人", "Notify the applicant"),
        new LocalizedText("步骤结束时通知申请人。", "Notifies the applicant when the step ends."),
        [new TemplateInput("message", new LocalizedText("内容", "Message"), Multiline: true)]);

    [Fact]
    public void A_listener_handler_becomes_an_execution_listener_calling_it_by_delegate_expression()
    {
        var catalog = new ElementTemplateCatalog([], [new NamedListener("notifyApplicant")], [], [Notice]);

        var template = Assert.Single(catalog.Templates("zh-CN"))!;

        Assert.Equal("brands.listener.notifyApplicant.end", (string?)template["id"]);
        Assert.Equal("通知申请人", (string?)template["name"]);
        var listener = template["properties"]!.AsArray().First()!;
        Assert.Equal("${notifyApplicant}", (string?)listener["value"]);
        Assert.Equal("camunda:executionListener", (string?)listener["binding"]!["type"]);
        Assert.Equal("end", (string?)listener["binding"]!["event"]);
        Assert.Equal("delegateExpression", (string?)listener["binding"]!["implementationType"]);
        Assert.Equal("Text", (string?)template["properties"]!.AsArray().Last()!["type"]);
    }

    [Fact]
    public void A_handler_registered_without_a_description_is_still_offered_by_its_name_and_reported()
    {
        var catalog = new ElementTemplateCatalog([], [new NamedListener("undescribed")], [], []);

        var template = Assert.Single(catalog.Templates("en"))!;

        Assert.Equal("undescribed", (string?)template["name"]);
        Assert.Equal("(not described yet)", (string?)template["description"]);
        Assert.Equal(["listener 'undescribed'"], catalog.Undescribed);
    }

    [Fact]
    public void A_description_without_a_registered_handler_is_not_offered_since_a_deploy_would_refuse_it()
    {
        var catalog = new ElementTemplateCatalog([], [], [], [Notice]);

        Assert.Equal(new JsonArray().ToJsonString(), catalog.Templates("zh-CN").ToJsonString());
    }

    [Fact]
    public void A_listener_template_runs_on_start_or_end_only()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();

        var refused = Assert.Throws<ArgumentException>(() => services.AddElementTemplate(Notice with { Event = "take" }));

        Assert.StartsWith("A listener template runs on 'start' or 'end', not 'take'.", refused.Message, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.ElementTemplates;
using Brands.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Brands.Host.Tests.Features.Definitions;

/// <summary>The designer offers every registered handler by its name, from <c>GET /api/definitions/element-templates</c>.</summary>
public abstract class ElementTemplatesTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task A_registered_topic_is_offered_by_its_chinese_name_with_its_topic_and_inputs()
    {
        using var client = await host.CreateAdminClientAsync();

        var templates = await client.GetFromJsonAsync<JsonArray>("/api/definitions/element-templates", TestContext.Current.CancellationToken);

        var switchable = Assert.Single(templates!, t => (string?)t!["id"] == "brands.topic.switchable")!;
        Assert.Equal("可切换的测试步骤", (string?)switchable["name"]);
        Assert.Equal("测试用：按开关成功或失败。", (string?)switchable["description"]);
        Assert.Contains("bpmn:ServiceTask", switchable["appliesTo"]!.AsArray().Select(t => (string?)t));
        var properties = switchable["properties"]!.AsArray();
        Assert.Contains(properties, p => (string?)p!["value"] == "external" && (string?)p["binding"]!["name"] == "camunda:type");
        Assert.Contains(properties, p => (string?)p!["value"] == "switchable" && (string?)p["binding"]!["name"] == "camunda:topic");
        var note = Assert.Single(properties, p => (string?)p!["binding"]!["type"] == "camunda:inputParameter")!;
        Assert.Equal("note", (string?)note["binding"]!["name"]);
        Assert.Equal("备注", (string?)note["label"]);
        Assert.True((bool)note["constraints"]!["notEmpty"]!);
    }

    [Fact]
    public async Task The_email_topic_the_host_registers_is_offered_as_sending_a_notification_email()
    {
        using var client = await host.CreateAdminClientAsync();

        var templates = await client.GetFromJsonAsync<JsonArray>("/api/definitions/element-templates", TestContext.Current.CancellationToken);

        var email = Assert.Single(templates!, t => (string?)t!["id"] == "brands.topic.email")!;
        Assert.Equal("发送提醒邮件", (string?)email["name"]);
        var inputs = email["properties"]!.AsArray().Where(p => (string?)p!["binding"]!["type"] == "camunda:inputParameter")
            .Select(p => (string?)p!["binding"]!["name"]).ToList();
        Assert.Equal(["template", "users", "groups", "taskElement", "outcome", "note"], inputs);
    }

    [Fact]
    public async Task In_english_the_same_templates_carry_the_english_names()
    {
        using var client = await host.CreateAdminClientAsync();

        var templates = await client.GetFromJsonAsync<JsonArray>("/api/definitions/element-templates?language=en", TestContext.Current.CancellationToken);

        var switchable = Assert.Single(templates!, t => (string?)t!["id"] == "brands.topic.switchable")!;
        Assert.Equal("Switchable test step", (string?)switchable["name"]);
        Assert.Equal("Note", (string?)switchable["properties"]!.AsArray().Single(p => (string?)p!["binding"]!["type"] == "camunda:inputParameter")!["label"]);
    }

    [Fact]
    public void Every_handler_the_host_registers_carries_a_description()
    {
        var catalog = host.Factory.Services.GetRequiredService<ElementTemplateCatalog>();

        Assert.Empty(catalog.Undescribed);
    }

    [Fact]
    public async Task The_element_templates_are_for_administrators_only()
    {
        await host.CreateUserAsync("template-reader", "Reader-Pass-1!");
        using var reader = await host.CreateClientAsync("template-reader", "Reader-Pass-1!");
        using var anonymous = host.CreateAnonymousClient();

        using var forbidden = await reader.GetAsync("/api/definitions/element-templates", TestContext.Current.CancellationToken);
        using var unauthorised = await anonymous.GetAsync("/api/definitions/element-templates", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
    }
}

public sealed class ElementTemplatesTestsOnSqlite(SqliteHostFixture host) : ElementTemplatesTests<SqliteHostFixture>(host);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Web;

/// <summary>The task page over real HTTP: completing through the form, comments, and hostile text shown as text.</summary>
public abstract class TaskPageTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    public async ValueTask InitializeAsync() => await WebScenario.PrepareAsync(host);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_refused_value_answers_400_with_the_error_by_field_and_completes_nothing_then_a_valid_one_opens_the_next_task()
    {
        var (caseId, taskId) = await WebScenario.StartAsync(host, "zj-tea", "2026-ZJ-TASK-1");
        using var session = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);
        var page = await session.GetHtmlAsync($"/tasks/{taskId}");
        Assert.Contains("2026-ZJ-TASK-1", page, StringComparison.Ordinal);
        Assert.Contains("id=\"task-form-schema\"", page, StringComparison.Ordinal);
        Assert.Contains("/designer/assets/task-page.js", page, StringComparison.Ordinal);

        var (refused, html, _) = await session.SubmitAsync($"/tasks/{taskId}?handler=Complete", new() { ["variables"] = """{"score":150}""" });

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("<script type=\"application/json\" id=\"task-form-errors\">{\"score\":[", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"score\"", html, StringComparison.Ordinal);
        Assert.Contains("{\"score\":150}", html, StringComparison.Ordinal);
        Assert.Equal(taskId, (Guid)Assert.Single(await WebScenario.OpenTasksAsync(host, caseId))!["id"]!);

        var (status, next, location) = await session.SubmitAsync($"/tasks/{taskId}?handler=Complete", new() { ["variables"] = """{"score":88,"note":"符合条件"}""" });

        Assert.Equal(HttpStatusCode.OK, status);
        var open = Assert.Single(await WebScenario.OpenTasksAsync(host, caseId))!;
        Assert.Equal("Confirm", (string?)open["elementId"]);
        Assert.Equal($"/tasks/{(Guid)open["id"]!}", location);
        Assert.Contains("下一个任务：省局复核", next, StringComparison.Ordinal);
        using var admin = await host.CreateAdminClientAsync();
        var @case = await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}");
        Assert.Equal(88, (int)@case!["variables"]!["score"]!);
    }

    [Fact]
    public async Task Data_that_is_not_a_json_object_or_sets_the_owner_of_the_case_is_refused_with_the_reason()
    {
        var (caseId, taskId) = await WebScenario.StartAsync(host, "zj-tea", "2026-ZJ-TASK-2");
        using var session = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);
        await session.GetHtmlAsync($"/tasks/{taskId}");

        var (notJson, notJsonHtml, _) = await session.SubmitAsync($"/tasks/{taskId}?handler=Complete", new() { ["variables"] = "[1,2" });
        var (owner, ownerHtml, _) = await session.SubmitAsync($"/tasks/{taskId}?handler=Complete", new() { ["variables"] = """{"score":1,"province":"JS"}""" });

        Assert.Equal(HttpStatusCode.BadRequest, notJson);
        Assert.Contains("表单数据无效（不是 JSON 对象）。", notJsonHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, owner);
        Assert.Contains("variables.province", ownerHtml, StringComparison.Ordinal);
        Assert.Contains("“province”由系统根据案件所属单位设置，不能修改。", ownerHtml, StringComparison.Ordinal);
        Assert.Single(await WebScenario.OpenTasksAsync(host, caseId));
    }

    [Fact]
    public async Task Script_in_a_business_key_a_comment_and_a_form_value_is_shown_as_text()
    {
        const string Payload = "<script>alert('x')</script>";
        var (caseId, taskId) = await WebScenario.StartAsync(host, "zj-tea", "2026-ZJ-" + Payload, "</script><img src=x onerror=alert(1)>");
        using var session = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);
        await session.GetHtmlAsync($"/tasks/{taskId}");
        var (commented, _, _) = await session.SubmitAsync($"/tasks/{taskId}?handler=Comment", new() { ["body"] = Payload + "\n第二行" });
        Assert.Equal(HttpStatusCode.OK, commented);
        await session.SubmitAsync($"/tasks/{taskId}?handler=Complete", new() { ["variables"] = $$"""{"score":60,"note":"{{Payload.Replace("'", "\\u0027", StringComparison.Ordinal)}}"}""" });
        var next = (Guid)Assert.Single(await WebScenario.OpenTasksAsync(host, caseId))!["id"]!;

        var inbox = await session.GetHtmlAsync("/inbox?tab=all&q=" + Uri.EscapeDataString("2026-ZJ-<script>"));
        var task = await session.GetHtmlAsync($"/tasks/{next}");
        var (refused, refusedHtml, _) = await session.SubmitAsync($"/tasks/{next}?handler=Comment", new() { ["body"] = "" });

        foreach (var html in new[] { inbox, task })
        {
            Assert.DoesNotContain(Payload, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        }

        Assert.Single(WebScenario.TaskIds(inbox));
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&#xA;第二行", task, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("评论内容为空。", refusedHtml, StringComparison.Ordinal);

        // The value comes back from the API as the data it is.
        using var admin = await host.CreateAdminClientAsync();
        var @case = await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}");
        Assert.Equal(Payload, (string?)@case!["variables"]!["note"]);
    }

    [Fact]
    public async Task A_reviewer_of_another_province_can_neither_open_nor_comment_on_nor_complete_the_task()
    {
        var (caseId, taskId) = await WebScenario.StartAsync(host, "zj-tea", "2026-ZJ-TASK-4");
        using var stranger = await WebSession.SignInAsync(host, "js-reviewer", Infrastructure.People.Password);
        await stranger.GetHtmlAsync("/inbox");

        var (open, _) = await stranger.GetAsync($"/tasks/{taskId}");
        using var comment = await stranger.PostFormAsync($"/tasks/{taskId}?handler=Comment", new() { ["body"] = "看看" });
        using var complete = await stranger.PostFormAsync($"/tasks/{taskId}?handler=Complete", new() { ["variables"] = """{"score":1}""" });
        using var claim = await stranger.PostFormAsync("/inbox?handler=claim", new() { ["taskId"] = taskId.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, open);
        Assert.Equal(HttpStatusCode.NotFound, comment.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, claim.StatusCode);
        var task = Assert.Single(await WebScenario.OpenTasksAsync(host, caseId))!;
        Assert.Null((string?)task["assignee"]);
        using var reviewer = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);
        Assert.Contains("暂无评论", await reviewer.GetHtmlAsync($"/tasks/{taskId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_shows_english_and_is_remembered()
    {
        using var session = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);
        await session.GetHtmlAsync("/inbox");

        var (status, html, location) = await session.SubmitAsync("/language", new() { ["culture"] = "en", ["returnUrl"] = "/inbox?tab=all" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("/inbox?tab=all", location);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("All tasks I may see", html, StringComparison.Ordinal);
        Assert.DoesNotContain("待办任务", html, StringComparison.Ordinal);
        var (_, offSite, away) = await session.SubmitAsync("/language", new() { ["culture"] = "zh-CN", ["returnUrl"] = "https://example.com/" });
        Assert.Equal("/", away);
        using var bad = await session.PostFormAsync("/language", new() { ["culture"] = "fr" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("待办任务", await session.GetHtmlAsync("/inbox"), StringComparison.Ordinal);
        Assert.NotNull(offSite);
    }
}

public sealed class TaskPageTestsOnSqlite(SqliteHostFixture host) : TaskPageTests<SqliteHostFixture>(host);

public sealed class TaskPageTestsOnPostgreSql(PostgresHostFixture host) : TaskPageTests<PostgresHostFixture>(host);

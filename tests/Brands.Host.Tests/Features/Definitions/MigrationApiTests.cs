using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Definitions;

/// <summary>
/// <c>GET /api/definitions/{id}/migration-plan</c> and <c>POST /api/definitions/{id}/migrations</c>: an administrator
/// moves running cases to the next version with an element mapping (README "Migrating running cases").
/// </summary>
public abstract class MigrationApiTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>approval.bpmn under its own key; version 2 renames the task Review to Check.</summary>
    private static string Approval(string key, bool renamed = false)
    {
        var xml = Api.Bpmn("approval.bpmn").Replace("id=\"approval\"", $"id=\"{key}\"", StringComparison.Ordinal);
        return renamed
            ? xml.Replace("\"Review\"", "\"Check\"", StringComparison.Ordinal).Replace("Review the application", "Check the application", StringComparison.Ordinal)
            : xml;
    }

    /// <summary>A version 2 that waits in a timer where version 1 had its task, for the kind check.</summary>
    private static string TimerInsteadOfTask(string key) => Approval(key).Replace(
        """<bpmn:userTask id="Review" name="Review the application" camunda:candidateGroups="national-admin" camunda:formRef="review-form" />""",
        """<bpmn:intermediateCatchEvent id="Review"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent><bpmn:intermediateCatchEvent id="Pause"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""",
        StringComparison.Ordinal);

    private static async Task<Guid[]> DeployAndStartAsync(HttpClient admin, string key, int cases)
    {
        await admin.SaveFormAsync(Api.ReviewForm);
        using (var deployed = await admin.DeployAsync(Approval(key)))
        {
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(Cancel));
        }

        var ids = new Guid[cases];
        for (var i = 0; i < cases; i++)
        {
            using var started = await admin.PostAsJsonAsync("/api/cases", new { definitionKey = key }, Cancel);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            ids[i] = (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!;
        }

        return ids;
    }

    private static async Task DeployAsync(HttpClient admin, string xml)
    {
        using var deployed = await admin.DeployAsync(xml);
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(Cancel));
    }

    private static Task<HttpResponseMessage> MigrateAsync(HttpClient client, string from, object body) =>
        client.PostAsJsonAsync($"/api/definitions/{from}/migrations", body, Cancel);

    [Fact]
    public async Task The_plan_lists_where_cases_wait_unmapped_and_the_migration_moves_them_with_the_confirmed_mapping()
    {
        using var admin = await host.CreateAdminClientAsync();
        var ids = await DeployAndStartAsync(admin, "migrated-approval", 2);
        await DeployAsync(admin, Approval("migrated-approval", renamed: true));

        var plan = (await admin.GetFromJsonAsync<JsonObject>("/api/definitions/migrated-approval:1/migration-plan?target=migrated-approval:2", Cancel))!;
        Assert.Equal(2, (int)plan["activeCases"]!);
        var unmapped = Assert.Single(plan["unmapped"]!.AsArray())!;
        Assert.Equal(("Review", "userTask", 2), ((string?)unmapped["elementId"], (string?)unmapped["kind"], (int)unmapped["waitingCases"]!));
        Assert.Equal(["Check"], unmapped["candidates"]!.AsArray().Select(c => (string?)c));
        Assert.Contains(plan["mappings"]!.AsArray(), m => (string?)m!["sourceElementId"] == "Start");

        using var response = await MigrateAsync(admin, "migrated-approval:1",
            new { targetDefinitionId = "migrated-approval:2", mapping = new Dictionary<string, string> { ["Review"] = "Check" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        Assert.Equal(ids.Order(), result["migrated"]!.AsArray().Select(i => (Guid)i!).Order());
        Assert.Empty(result["refused"]!.AsArray());
        var moved = (await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{ids[0]}", Cancel))!;
        Assert.Equal(2, (int)moved["definitionVersion"]!);
        Assert.Equal(["Check"], moved["activeElementIds"]!.AsArray().Select(e => (string?)e));
        var task = Assert.Single((await admin.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={ids[0]}", Cancel))!)!;
        Assert.Equal(("Check", "Check the application"), ((string?)task["elementId"], (string?)task["name"]));
        var history = (await admin.GetFromJsonAsync<JsonArray>($"/api/cases/{ids[0]}/history", Cancel))!;
        Assert.Contains(history, h => (string?)h!["kind"] == "case-migrated");

        var audit = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?action=MigrateCases", Cancel))!["items"]!.AsArray();
        Assert.Contains(audit, e => (string?)e!["outcome"] == "succeeded" && ((string?)e["detail"])!.Contains("migrated-approval:2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_versions_are_404_and_versions_of_two_processes_400()
    {
        using var admin = await host.CreateAdminClientAsync();
        await DeployAndStartAsync(admin, "migration-a", 1);
        await DeployAsync(admin, Approval("migration-b"));

        using var unknownSource = await admin.GetAsync("/api/definitions/nothing:1/migration-plan?target=migration-a:1", Cancel);
        using var unknownTarget = await MigrateAsync(admin, "migration-a:1", new { targetDefinitionId = "migration-a:9" });
        using var otherKey = await MigrateAsync(admin, "migration-a:1", new { targetDefinitionId = "migration-b:1" });
        using var noTarget = await admin.GetAsync("/api/definitions/migration-a:1/migration-plan", Cancel);

        Assert.Equal("No process version 'nothing:1' is deployed.", (string?)(await unknownSource.AssertProblemAsync(HttpStatusCode.NotFound))["detail"]);
        Assert.Equal("No process version 'migration-a:9' is deployed.", (string?)(await unknownTarget.AssertProblemAsync(HttpStatusCode.NotFound))["detail"]);
        Assert.Contains("cases migrate only between versions of one process", (string?)(await otherKey.AssertProblemAsync(HttpStatusCode.BadRequest))["detail"], StringComparison.Ordinal);
        Assert.NotNull((await noTarget.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["target"]);
    }

    [Fact]
    public async Task A_mapping_to_a_missing_element_or_another_kind_is_400_naming_it_and_moves_nothing()
    {
        using var admin = await host.CreateAdminClientAsync();
        var ids = await DeployAndStartAsync(admin, "migration-kinds", 1);
        await DeployAsync(admin, TimerInsteadOfTask("migration-kinds"));

        using var missing = await MigrateAsync(admin, "migration-kinds:1",
            new { targetDefinitionId = "migration-kinds:2", mapping = new Dictionary<string, string> { ["Review"] = "Reveiw" } });
        using var kind = await MigrateAsync(admin, "migration-kinds:1",
            new { targetDefinitionId = "migration-kinds:2", mapping = new Dictionary<string, string> { ["Review"] = "Pause" } });

        Assert.Contains("Element 'Reveiw' (the target for 'Review') does not exist in version 2", (string?)(await missing.AssertProblemAsync(HttpStatusCode.BadRequest))["detail"], StringComparison.Ordinal);
        Assert.Contains("'Review' (userTask) cannot become 'Pause' (intermediateCatchEvent:timer)", (string?)(await kind.AssertProblemAsync(HttpStatusCode.BadRequest))["detail"], StringComparison.Ordinal);
        Assert.Equal(1, (int)(await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{ids[0]}", Cancel))!["definitionVersion"]!);
    }

    [Fact]
    public async Task A_case_waiting_at_an_unmapped_element_is_refused_with_the_reason_and_stays_on_its_version()
    {
        using var admin = await host.CreateAdminClientAsync();
        var ids = await DeployAndStartAsync(admin, "migration-unmapped", 1);
        await DeployAsync(admin, TimerInsteadOfTask("migration-unmapped"));
        var before = await admin.GetStringAsync($"/api/cases/{ids[0]}/history", Cancel);

        using var response = await MigrateAsync(admin, "migration-unmapped:1", new { targetDefinitionId = "migration-unmapped:2", caseIds = ids });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        Assert.Empty(result["migrated"]!.AsArray());
        var refused = Assert.Single(result["refused"]!.AsArray())!;
        Assert.Equal(ids[0], (Guid)refused["caseId"]!);
        var problem = Assert.Single(refused["problems"]!.AsArray())!;
        Assert.Equal("Review", (string?)problem["elementId"]);
        Assert.Contains("mapped to no element of version 2", (string?)problem["message"], StringComparison.Ordinal);
        Assert.Equal(before, await admin.GetStringAsync($"/api/cases/{ids[0]}/history", Cancel));
    }

    [Fact]
    public async Task Only_national_administrators_may_plan_or_migrate()
    {
        using var admin = await host.CreateAdminClientAsync();
        await DeployAndStartAsync(admin, "migration-guarded", 1);
        await DeployAsync(admin, Approval("migration-guarded", renamed: true));
        await host.CreateUserAsync("migration-reader", "Reader-Pass-1!");
        using var reader = await host.CreateClientAsync("migration-reader", "Reader-Pass-1!");

        using var plan = await reader.GetAsync("/api/definitions/migration-guarded:1/migration-plan?target=migration-guarded:2", Cancel);
        using var migrate = await MigrateAsync(reader, "migration-guarded:1",
            new { targetDefinitionId = "migration-guarded:2", mapping = new Dictionary<string, string> { ["Review"] = "Check" } });

        Assert.Equal(HttpStatusCode.Forbidden, plan.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, migrate.StatusCode);
        var counts = (await admin.GetFromJsonAsync<JsonArray>("/api/definitions/migration-guarded/versions", Cancel))!;
        Assert.Equal([0, 1], counts.Select(v => (int)v!["activeCases"]!));
    }

    [Fact]
    public async Task A_migration_racing_the_completion_of_the_case_task_leaves_one_winner()
    {
        using var admin = await host.CreateAdminClientAsync();
        var ids = await DeployAndStartAsync(admin, "migration-race", 1);
        await DeployAsync(admin, Approval("migration-race", renamed: true));
        var task = Assert.Single((await admin.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={ids[0]}", Cancel))!)!;

        var migrating = MigrateAsync(admin, "migration-race:1",
            new { targetDefinitionId = "migration-race:2", mapping = new Dictionary<string, string> { ["Review"] = "Check" }, caseIds = ids });
        var completing = admin.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = new { approved = true } }, Cancel);
        using var migrated = await migrating;
        using var completed = await completing;

        Assert.Equal(HttpStatusCode.OK, migrated.StatusCode);
        var result = (await migrated.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        var @case = (await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{ids[0]}", Cancel))!;
        var history = (await admin.GetFromJsonAsync<JsonArray>($"/api/cases/{ids[0]}/history", Cancel))!.Select(h => (string?)h!["kind"]).ToList();
        Assert.Equal("completed", (string?)@case["status"]);
        if (completed.IsSuccessStatusCode && result["migrated"]!.AsArray().Count == 0)
        {
            // The completion won: the case ended on version 1 and the migration says why it left it alone.
            Assert.Contains("has ended", (string?)result["refused"]![0]!["problems"]![0]!["message"], StringComparison.Ordinal);
            Assert.Equal(1, (int)@case["definitionVersion"]!);
            Assert.DoesNotContain("case-migrated", history);
        }
        else
        {
            // The migration won: the completion then ran on version 2 (or was told the task had moved on).
            Assert.Equal(2, (int)@case["definitionVersion"]!);
            Assert.True(history.IndexOf("case-migrated") < history.IndexOf("task-completed"));
        }

        Assert.Single(history, k => k == "task-completed");
    }
}

public sealed class MigrationApiTestsOnSqlite(SqliteHostFixture host) : MigrationApiTests<SqliteHostFixture>(host);

public sealed class MigrationApiTestsOnPostgreSql(PostgresHostFixture host) : MigrationApiTests<PostgresHostFixture>(host);

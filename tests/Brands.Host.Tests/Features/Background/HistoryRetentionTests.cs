using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Background;
using Brands.Host.Tests.Infrastructure;
using Brands.Workflows.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Brands.Host.Tests.Features.Background;

/// <summary>
/// History retention deletes the whole history of cases that ended longer ago than their process's
/// camunda:historyTimeToLive (else the configured default), and nothing of any other case.
/// </summary>
public abstract class HistoryRetentionTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Processes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="retention" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="kept-a-day" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="s1" /><bpmn:endEvent id="e1" /><bpmn:sequenceFlow id="f1" sourceRef="s1" targetRef="e1" />
          </bpmn:process>
          <bpmn:process id="kept-ten-years" isExecutable="true">
            <bpmn:startEvent id="s2" /><bpmn:endEvent id="e2" /><bpmn:sequenceFlow id="f2" sourceRef="s2" targetRef="e2" />
          </bpmn:process>
          <bpmn:process id="open-a-day" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="s3" /><bpmn:userTask id="wait" camunda:candidateGroups="national-admin" />
            <bpmn:sequenceFlow id="f3" sourceRef="s3" targetRef="wait" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task History_of_cases_past_their_time_to_live_goes_whole_and_every_other_case_keeps_all_of_its_history()
    {
        using var admin = await host.CreateAdminClientAsync();
        using (var deployed = await admin.DeployAsync(Processes))
        {
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(Cancel));
        }

        var expired = await StartAsync(admin, "kept-a-day");
        var young = await StartAsync(admin, "kept-a-day");
        var underDefault = await StartAsync(admin, "kept-ten-years");
        var open = await StartAsync(admin, "open-a-day");
        var before = new Dictionary<Guid, string>();
        foreach (var id in new[] { young, underDefault, open })
        {
            before[id] = await admin.GetStringAsync($"/api/cases/{id}/history", Cancel);
        }

        Assert.NotEmpty((await admin.GetFromJsonAsync<JsonArray>($"/api/cases/{expired}/history", Cancel))!);
        // Two days pass for every case but the young one.
        await AgeAsync([expired, underDefault, open], TimeSpan.FromDays(2));

        await RunRetentionAsync();

        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>($"/api/cases/{expired}/history", Cancel))!);
        Assert.Equal("completed", (string?)(await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{expired}", Cancel))!["status"]);
        foreach (var (id, history) in before)
        {
            Assert.Equal(history, await admin.GetStringAsync($"/api/cases/{id}/history", Cancel));
        }

        var run = await LatestRunAsync();
        Assert.Equal(1, run.Found);

        await RunRetentionAsync();
        Assert.Equal(0, (await LatestRunAsync()).Found);
    }

    private static async Task<Guid> StartAsync(HttpClient admin, string key)
    {
        using var started = await admin.PostAsJsonAsync("/api/cases", new { definitionKey = key }, Cancel);
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync(Cancel));
        return (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!;
    }

    private async Task AgeAsync(Guid[] caseIds, TimeSpan by)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        await using var db = await database.CreateDbContextAsync(Cancel);
        foreach (var instance in await db.Instances.Where(i => caseIds.Contains(i.Id)).ToListAsync(Cancel))
        {
            var endedAt = instance.EndedAt?.Subtract(by);
            await db.Instances.Where(i => i.Id == instance.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.StartedAt, instance.StartedAt.Subtract(by)).SetProperty(i => i.EndedAt, endedAt), Cancel);
        }
    }

    private async Task RunRetentionAsync()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HistoryRetention>().RunAsync(Cancel);
    }

    private async Task<BackgroundRun> LatestRunAsync()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackgroundDbContext>();
        var runs = await db.Runs.AsNoTracking().Where(r => r.Job == HistoryRetention.JobId).ToListAsync(Cancel);
        return runs.OrderBy(r => r.FinishedAt).Last();
    }
}

public sealed class HistoryRetentionTestsOnSqlite(SqliteHostFixture host) : HistoryRetentionTests<SqliteHostFixture>(host);

public sealed class HistoryRetentionTestsOnPostgreSql(PostgresHostFixture host) : HistoryRetentionTests<PostgresHostFixture>(host);

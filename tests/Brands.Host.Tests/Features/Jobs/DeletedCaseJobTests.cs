using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Persistence;
using Brands.Host.Tests.Infrastructure;
using Brands.Testing;
using Npgsql;
using Xunit;

namespace Brands.Host.Tests.Features.Jobs;

/// <summary>
/// A timer whose case was deleted behind the engine's back (rows removed by hand, foreign keys bypassed): the
/// executor records the failure on the job and waits its retry interval instead of looping, and every other case
/// carries on.
/// </summary>
public sealed class DeletedCaseJobTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_whose_case_was_deleted_fails_with_the_reason_and_waits_while_other_cases_fire()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("deleted");
        await using var node = new BrandsHostFactory(DatabaseProvider.PostgreSql, connectionString);
        node.StartServer();
        using var admin = await TimerCases.AdminAsync(node);
        await TimerCases.DeployAsync(admin);
        var due = TimeProvider.System.GetUtcNow().AddSeconds(3);
        var deleted = await TimerCases.StartAsync(admin, due);
        var kept = await TimerCases.StartAsync(admin, due);

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(Cancel);
            await using var delete = new NpgsqlCommand(
                $"SET session_replication_role = replica; DELETE FROM wf_history WHERE instance_id = '{deleted}'; DELETE FROM wf_instances WHERE id = '{deleted}'",
                connection);
            await delete.ExecuteNonQueryAsync(Cancel);
        }

        await TimerCases.CompletedAsync(admin, kept, TimeSpan.FromSeconds(30));
        var orphan = await Eventually.ThatAsync(async () =>
            (await admin.GetFromJsonAsync<JsonArray>($"/api/admin/jobs?caseId={deleted}", Cancel))!
                .SingleOrDefault(j => j?["lastError"] is not null), TimeSpan.FromSeconds(30), "the orphan job's failure");
        Assert.Contains("does not exist", (string?)orphan!["lastError"], StringComparison.Ordinal);
        Assert.Equal(2, (int)orphan["retries"]!);
        Assert.Equal("scheduled", (string?)orphan["state"]);
        Assert.True(DateTimeOffset.Parse((string)orphan["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture) > TimeProvider.System.GetUtcNow().AddMinutes(4),
            "The failed job waits its retry interval (R3/PT5M) instead of running again at once.");

        // The executor goes on with new work.
        var later = await TimerCases.StartAsync(admin, TimeProvider.System.GetUtcNow().AddSeconds(1));
        await TimerCases.CompletedAsync(admin, later, TimeSpan.FromSeconds(30));
    }
}

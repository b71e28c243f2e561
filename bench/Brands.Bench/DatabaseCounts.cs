using System.Text.Json.Nodes;
using Npgsql;

namespace Brands.Bench;

/// <summary>
/// The cases of one run counted in PostgreSQL's own tables, not through the engine: how many cases carry the run's
/// business keys, how many of them completed, and how many message subscriptions of theirs are left.
/// </summary>
internal sealed record DatabaseCounts(long Cases, long Completed, long Subscriptions)
{
    public static async Task<DatabaseCounts> ReadAsync(string connectionString, string businessKeyPrefix, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM wf_instances WHERE business_key LIKE $1),
                   (SELECT count(*) FROM wf_instances WHERE business_key LIKE $1 AND status = 'completed' AND ended_at IS NOT NULL),
                   (SELECT count(*) FROM wf_subscriptions WHERE business_key LIKE $1)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = businessKeyPrefix + "-%" });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DatabaseCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public JsonObject ToJson() => new() { ["cases"] = Cases, ["completed"] = Completed, ["subscriptionsLeft"] = Subscriptions };
}

using Npgsql;

namespace Brands.Host.Infrastructure.Persistence;

/// <summary>
/// Runs start-up work one node at a time on PostgreSQL: under a session advisory lock on its own connection, which the
/// work may use; the lock is released however the work ends.
/// </summary>
internal static class AdvisoryLock
{
    public static async Task RunAsync(string connectionString, long key, Func<NpgsqlConnection, Task> work, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var locking = new NpgsqlCommand($"SELECT pg_advisory_lock({key})", connection))
        {
            await locking.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await work(connection);
        }
        finally
        {
            await using var unlocking = new NpgsqlCommand($"SELECT pg_advisory_unlock({key})", connection);
            await unlocking.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}

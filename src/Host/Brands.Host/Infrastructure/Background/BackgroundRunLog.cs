namespace Brands.Host.Infrastructure.Background;

/// <summary>Records what a recurring job's run found in <c>background_runs</c>.</summary>
internal sealed class BackgroundRunLog(BackgroundDbContext db, TimeProvider timeProvider)
{
    /// <summary>This node as the runs name it: machine and process.</summary>
    public static string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<BackgroundRun> RecordAsync(string job, DateTimeOffset startedAt, int found, string? details, CancellationToken cancellationToken)
    {
        var run = new BackgroundRun
        {
            Id = Guid.NewGuid(),
            Job = job,
            Node = Node,
            StartedAt = startedAt,
            FinishedAt = timeProvider.GetUtcNow(),
            Found = found,
            Details = details,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return run;
    }
}

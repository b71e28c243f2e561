using System.Text.Json;
using Brands.Workflows.EntityFrameworkCore;
using Brands.Workflows.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Background;

/// <summary>
/// History retention (README "Background work"): the history of a case that ended longer ago than its process's
/// <c>camunda:historyTimeToLive</c> (else <see cref="BackgroundOptions.HistoryTimeToLive"/>) is deleted — all of
/// it, with the history of the cases it called, in one transaction per batch. A case's history is never cut in
/// part, so the SHA-256 chain of every case that keeps history still verifies from its first entry.
/// </summary>
/// <remarks>
/// The case row itself stays (its status, dates and variables), like Camunda's history cleanup, which removes the
/// history of finished process instances only. A case tree in which any case is still open keeps all its history.
/// </remarks>
internal sealed class HistoryRetention(
    IDbContextFactory<WorkflowDbContext> workflowDatabase,
    DatabaseNow clock,
    BackgroundRunLog runs,
    TimeProvider timeProvider,
    IOptions<BackgroundOptions> options,
    ILogger<HistoryRetention> logger)
{
    public const string JobId = "history-retention";

    /// <summary>Nightly at 03:30 (in <see cref="BackgroundOptions.TimeZone"/>).</summary>
    public const string DefaultCron = "30 3 * * *";

    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var now = await clock.ReadAsync(cancellationToken);
        await using var db = await workflowDatabase.CreateDbContextAsync(cancellationToken);
        var purgedCases = 0;
        var deletedEntries = 0;
        foreach (var (timeToLive, definitionIds) in await DefinitionsByTimeToLiveAsync(db, cancellationToken))
        {
            var (cases, entries) = await PurgeAsync(db, definitionIds, now - timeToLive, cancellationToken);
            purgedCases += cases;
            deletedEntries += entries;
        }

        var details = JsonSerializer.Serialize(new { checkedAt = now, cases = purgedCases, entries = deletedEntries }, JsonSerializerOptions.Web);
        await runs.RecordAsync(JobId, startedAt, purgedCases, details, cancellationToken);
        logger.LogInformation("History retention: deleted {Entries} history entries of {Cases} finished case(s)", deletedEntries, purgedCases);
    }

    private async Task<IReadOnlyList<(TimeSpan TimeToLive, List<string> DefinitionIds)>> DefinitionsByTimeToLiveAsync(WorkflowDbContext db, CancellationToken cancellationToken)
    {
        var definitions = await db.Definitions.Select(d => new { d.Id, d.Key, d.ContentHash }).ToListAsync(cancellationToken);
        var byTimeToLive = new Dictionary<TimeSpan, List<string>>();
        foreach (var definition in definitions)
        {
            if (!HistoryTimeToLive.TryGetKnown(definition.ContentHash, definition.Key, out var declared))
            {
                var xml = await db.Definitions.Where(d => d.Id == definition.Id).Select(d => d.Xml).SingleAsync(cancellationToken);
                declared = HistoryTimeToLive.Read(definition.ContentHash, definition.Key, xml);
            }

            var timeToLive = declared ?? options.Value.HistoryTimeToLive;
            if (!byTimeToLive.TryGetValue(timeToLive, out var ids))
            {
                byTimeToLive[timeToLive] = ids = [];
            }

            ids.Add(definition.Id);
        }

        return [.. byTimeToLive.Select(p => (p.Key, p.Value))];
    }

    private async Task<(int Cases, int Entries)> PurgeAsync(WorkflowDbContext db, List<string> definitionIds, DateTimeOffset endedBefore, CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.HistoryRetentionBatchSize);
        var keptWhole = new List<Guid>();
        var cases = 0;
        var entries = 0;
        while (true)
        {
            var roots = await db.Instances
                .Where(i => definitionIds.Contains(i.DefinitionId) && i.ParentInstanceId == null
                    && (i.Status == InstanceStatus.Completed || i.Status == InstanceStatus.Terminated)
                    && i.EndedAt != null && i.EndedAt < endedBefore
                    && !keptWhole.Contains(i.Id)
                    && db.History.Any(h => h.InstanceId == i.Id))
                .OrderBy(i => i.EndedAt).Select(i => i.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (roots.Count == 0)
            {
                return (cases, entries);
            }

            var tree = await db.Instances.Where(i => roots.Contains(i.RootInstanceId) || roots.Contains(i.Id))
                .Select(i => new { i.Id, i.RootInstanceId, i.EndedAt }).ToListAsync(cancellationToken);
            var open = tree.Where(i => i.EndedAt is null).Select(i => i.RootInstanceId).ToHashSet();
            keptWhole.AddRange(roots.Where(open.Contains));
            var instanceIds = tree.Where(i => !open.Contains(i.RootInstanceId)).Select(i => i.Id).Distinct().ToList();
            if (instanceIds.Count == 0)
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            entries += await db.History.Where(h => instanceIds.Contains(h.InstanceId)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            cases += roots.Count(r => !open.Contains(r));
        }
    }
}

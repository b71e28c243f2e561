using System.Text.Json;
using Brands.Workflows.EntityFrameworkCore;
using Brands.Workflows.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Background;

/// <summary>
/// The nightly deadline sweep (README "Background work"): looks for timers of the engine — deadlines, reminders,
/// timer start events — whose due time passed more than <see cref="BackgroundOptions.DeadlineSweepGrace"/> ago
/// without their having fired. There must be none: the job executor fires every due timer. Each run is recorded
/// with what it found; a timer found late is logged as an error and fails the job, so the Dashboard shows it.
/// </summary>
/// <remarks>
/// The sweep only reports: the executor stays the one way a timer fires (a late timer fires when a node takes it).
/// A timer whose retries ran out is an incident already, not a missed timer.
/// </remarks>
internal sealed class DeadlineSweep(
    IDbContextFactory<WorkflowDbContext> workflowDatabase,
    DatabaseNow clock,
    BackgroundRunLog runs,
    TimeProvider timeProvider,
    IOptions<BackgroundOptions> options,
    ILogger<DeadlineSweep> logger)
{
    public const string JobId = "deadline-sweep";

    /// <summary>Nightly at 02:30 (in <see cref="BackgroundOptions.TimeZone"/>).</summary>
    public const string DefaultCron = "30 2 * * *";

    /// <summary>Overdue timers listed in a run's details at most; the count covers them all.</summary>
    private const int MaxListed = 100;

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var now = await clock.ReadAsync(cancellationToken);
        var cutoff = now - options.Value.DeadlineSweepGrace;
        await using var db = await workflowDatabase.CreateDbContextAsync(cancellationToken);
        var overdue = db.Jobs.Where(j => (j.Kind == JobKind.Timer || j.Kind == JobKind.TimerStart) && j.Retries > 0 && j.DueAt < cutoff);
        var count = await overdue.CountAsync(cancellationToken);
        var listed = count == 0 ? [] : await overdue.OrderBy(j => j.DueAt).Take(MaxListed)
            .Select(j => new MissedTimer(j.Id, j.InstanceId, j.DefinitionId, j.ElementId, j.DueAt, j.LockOwner))
            .ToListAsync(cancellationToken);
        var details = JsonSerializer.Serialize(new { checkedAt = now, dueBefore = cutoff, timers = listed }, JsonSerializerOptions.Web);
        await runs.RecordAsync(JobId, startedAt, count, details, cancellationToken);
        if (count == 0)
        {
            logger.LogInformation("Deadline sweep: no timer due before {Cutoff} is still waiting", cutoff);
            return;
        }

        var first = listed[0];
        logger.LogError(
            "Deadline sweep: {Count} timer(s) due before {Cutoff} have not fired; the earliest is {ElementId} of case {CaseId} (job {JobId}), due {DueAt}. Details: {Details}",
            count, cutoff, first.ElementId, first.CaseId, first.JobId, first.DueAt, details);
        throw new MissedTimersException(
            $"{count} timer(s) due before {cutoff:O} have not fired; the earliest is {first.ElementId} of case {first.CaseId} (job {first.JobId}), due {first.DueAt:O}.");
    }

    private sealed record MissedTimer(Guid JobId, Guid? CaseId, string? DefinitionId, string ElementId, DateTimeOffset DueAt, string? LockedBy);
}

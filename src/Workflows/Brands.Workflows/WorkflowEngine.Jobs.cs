using System.Text.Json.Nodes;
using Brands.Workflows.Persistence;
using Brands.Workflows.Runtime;
using Brands.Workflows.Timers;
using Microsoft.Extensions.Logging;

namespace Brands.Workflows;

public sealed partial class WorkflowEngine
{
    public partial Task<int> ExecuteDueJobsAsync(string owner, int max, CancellationToken cancellationToken) =>
        RunDueJobsAsync(owner, new JobRunSettings { BatchSize = max, MaxJobs = max, Parallelism = 1, CommitGroupSize = 1 }, cancellationToken, cancellationToken);

    /// <remarks>
    /// The acquired jobs wait and run in a <see cref="JobPipeline"/> while a renewal extends the leases of those not
    /// yet done (see <see cref="RenewLeasesAsync"/>); each job's commit is guarded by its lock
    /// (<see cref="ChangeSet.JobLockGuards"/>), so a node that lost a job to another never commits it.
    /// docs/engine.md, "The job executor".
    /// </remarks>
    public partial async Task<int> RunDueJobsAsync(string owner, JobRunSettings settings, CancellationToken stopAcquiring,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MaxJobs <= 0)
        {
            return 0;
        }

        var (groupSize, commitsAtOnce) = (Math.Max(settings.CommitGroupSize, 1), Math.Max(settings.CommitsAtOnce, 1));
        var commits = new CommitGroup(_store.CommitAsync, groupSize, commitsAtOnce, cancellationToken);
        var pipeline = new JobPipeline(settings,
            async max =>
            {
                var now = _services.Time.GetUtcNow();
                var jobs = await _store.AcquireJobsAsync(owner, now, now + _options.JobLockDuration, max, cancellationToken);
                await ReadCasesAheadAsync(jobs, cancellationToken);
                return jobs;
            },
            (job, queued) =>
            {
                _jobCommits.AddOrUpdate(job, new JobCommit(commits, queued));
                return RunJobAsync(job, cancellationToken);
            },
            groupSize * (commitsAtOnce + 1));
        using var stopRenewing = new CancellationTokenSource();
        var renewing = RenewLeasesAsync(owner, pipeline.Held, stopRenewing.Token);
        try
        {
            return await pipeline.RunAsync(stopAcquiring);
        }
        finally
        {
            await stopRenewing.CancelAsync();
            await renewing;
        }
    }

    /// <summary>
    /// Reads the cases of an acquired batch in one query, so each job's command starts without a read of its own.
    /// Only the first job of a case in the batch takes the record (a later one would find it stale); a failed read
    /// costs nothing but the reads the commands then make themselves.
    /// </summary>
    private async Task ReadCasesAheadAsync(IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken)
    {
        var firstOfCase = new Dictionary<Guid, JobRecord>();
        foreach (var job in jobs)
        {
            if (job.InstanceId is { } caseId)
            {
                firstOfCase.TryAdd(caseId, job);
            }
        }

        if (firstOfCase.Count == 0)
        {
            return;
        }

        try
        {
            foreach (var instance in await _store.GetInstancesAsync(firstOfCase.Keys, cancellationToken))
            {
                _readAheads.AddOrUpdate(firstOfCase[instance.Id], instance);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _services.Logger.LogWarning(e, "Reading the cases of {Count} acquired jobs ahead failed; each job reads its own", jobs.Count);
        }
    }

    private async Task RunJobAsync(JobRecord job, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteJobAsync(job, cancellationToken);
        }
        catch (JobLockLostException lost)
        {
            // Another node holds the job now and runs it; this node's work on it was not committed.
            _services.Logger.LogWarning("Job {JobId} was taken over by another node before its commit: {Reason}", job.Id, lost.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _services.Logger.LogError(e, "Job {JobId} of case {CaseId} failed", job.Id, job.InstanceId);
            await RecordJobFailureAsync(job, e.Message, cancellationToken);
        }
        finally
        {
            _jobCommits.Remove(job);
        }
    }

    private Task ExecuteJobAsync(JobRecord job, CancellationToken cancellationToken) => job.Kind switch
    {
        JobKind.Timer => FireTimerAsync(job, cancellationToken),
        JobKind.TimerStart => FireStartTimerAsync(job, cancellationToken),
        JobKind.SignalBroadcast => FanOutSignalAsync(job, cancellationToken),
        JobKind.SignalDelivery => DeliverSignalAsync(job, cancellationToken),
        _ => ContinueTokenAsync(job, cancellationToken),
    };

    private Task ContinueTokenAsync(JobRecord job, CancellationToken cancellationToken) =>
        ExecuteAsync(null, async (context, runner) =>
        {
            context.Changes.DeletedJobs.Add(job.Id);
            var @case = await context.LoadCaseAsync(job.InstanceId!.Value, cancellationToken);
            var token = @case.FindToken(job.TokenId);
            if (token is null || token.JobId != job.Id || @case.IsEnded)
            {
                return 0;
            }

            token.JobId = null;
            var resume = job.Kind switch
            {
                JobKind.AsyncAfter => TokenStates.Leaving,
                JobKind.Retry or JobKind.ServiceTaskRetry when token.ResumeLeaving => TokenStates.Leaving,
                _ => TokenStates.Ready,
            };

            // Entering again skips the asyncBefore wait already passed; leaving again after a failure re-runs the
            // output mappings, which may be what failed.
            token.AsyncDone = job.Kind == JobKind.AsyncAfter || resume == TokenStates.Ready;
            token.ResumeLeaving = false;
            if (job.Kind is JobKind.Retry or JobKind.ServiceTaskRetry)
            {
                context.RetriesLeft[token.Id] = Math.Max(job.Retries - 1, 0);
                context.History(@case, "job-retried", job.ElementId, new JsonObject { ["jobId"] = job.Id.ToString() });
            }

            runner.Schedule(@case, token, resume);
            return 0;
        }, cancellationToken, job);

    /// <summary>
    /// A job whose command itself failed (an engine or store fault, a handler's exception): count the attempt down,
    /// due again after the retry interval, and raise an incident on its case at zero. When even that cannot be
    /// committed — the case cannot be loaded, say — the failure is recorded on the job alone, so the job neither
    /// loops on its lease nor is lost: at zero it waits, with its error, for an administrator (a failed job).
    /// </summary>
    private async Task RecordJobFailureAsync(JobRecord job, string message, CancellationToken cancellationToken)
    {
        try
        {
            await RecordJobFailureAsync(job, message, withIncident: true, cancellationToken);
        }
        catch (JobLockLostException)
        {
            // Another node holds it now; its attempt counts, not this one.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _services.Logger.LogError(e, "Recording the failure of job {JobId} with an incident on its case failed; recording it on the job alone", job.Id);
            try
            {
                await RecordJobFailureAsync(job, $"{message} (recording an incident failed too: {e.Message})", withIncident: false, cancellationToken);
            }
            catch (Exception again) when (again is not OperationCanceledException)
            {
                // The database itself is failing: the lease runs out and the job is taken again; the batch goes on.
                _services.Logger.LogError(again, "Recording the failure of job {JobId} failed", job.Id);
            }
        }
    }

    private Task RecordJobFailureAsync(JobRecord held, string message, bool withIncident, CancellationToken cancellationToken) =>
        ExecuteAsync(null, async (context, runner) =>
        {
            var job = await _store.GetJobAsync(held.Id, cancellationToken);
            if (job is null || job.LockOwner != held.LockOwner)
            {
                return 0;
            }

            var interval = RetryCycle.TryParse(job.RetryCycle, out var cycle) ? cycle.Interval : TimeSpan.FromMinutes(5);
            job.Retries = Math.Max(job.Retries - 1, 0);
            job.LastError = message;
            job.LockOwner = null;
            job.LockExpiresAt = null;
            job.DueAt = context.Now + interval;
            context.Changes.UpdatedJobs.Add(job);
            if (withIncident && job.Retries == 0 && job.InstanceId is { } instanceId)
            {
                var @case = await context.LoadCaseAsync(instanceId, cancellationToken);
                runner.RaiseIncident(@case, job.ElementId, job.Id, IncidentKinds.FailedJob, message);
            }

            return 0;
        }, cancellationToken, held);

    public partial async Task RetryJobAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await ExecuteAsync(null, async (context, _) =>
        {
            var job = await _store.GetJobAsync(jobId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"Job {jobId} does not exist.");
            var incidents = job.InstanceId is { } instanceId ? await _store.GetOpenIncidentsAsync(instanceId, cancellationToken) : [];
            job.Retries = Math.Max(job.Retries, 1);
            job.DueAt = context.Now;
            job.LockOwner = null;
            job.LockExpiresAt = null;
            context.Changes.UpdatedJobs.Add(job);
            if (job.InstanceId is not { } caseId)
            {
                return 0;
            }

            var @case = await context.LoadCaseAsync(caseId, cancellationToken);
            foreach (var incident in incidents.Where(i => i.JobId == jobId))
            {
                incident.ResolvedAt = context.Now;
                context.Changes.UpdatedIncidents.Add(incident);
                context.History(@case, "incident-resolved", incident.ElementId, new JsonObject { ["incidentId"] = incident.Id.ToString() });
            }

            return 0;
        }, cancellationToken);
    }

    /// <summary>
    /// Cancels a job an administrator no longer wants run: a case's timer (the token stops waiting for it; the case
    /// goes on waiting for its other events), or a job without a case (a timer start event's next firings, a signal
    /// delivery to a start event). Its open incidents are resolved. Other jobs carry a token on: cancelling one would
    /// leave the token waiting for nothing, so it is refused (<see cref="WorkflowInputException"/>); so is a job a
    /// node is running now (<see cref="WorkflowConflictException"/>).
    /// </summary>
    public async Task CancelJobAsync(Guid jobId, string? userId, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(userId, async (context, _) =>
        {
            var job = await _store.GetJobAsync(jobId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"Job {jobId} does not exist.");
            if (job.LockExpiresAt is { } lease && lease > context.Now)
            {
                throw new WorkflowConflictException($"Job {jobId} is being run by {job.LockOwner} now; try again when it is done.");
            }

            if (job.InstanceId is not { } caseId)
            {
                context.Changes.UpdatedJobs.Add(job);
                context.Changes.DeletedJobs.Add(job.Id);
                return 0;
            }

            if (job.Kind != JobKind.Timer)
            {
                throw new WorkflowInputException(
                    $"Job {jobId} is a '{job.Kind}' job that moves its case's token on; cancelling it would leave the token waiting for nothing. Retry it instead.");
            }

            var @case = await context.LoadCaseAsync(caseId, cancellationToken);
            if (TokenRunner.FindWait(@case, job.Id) is var (holder, wait))
            {
                holder.Waits!.Remove(wait);
            }

            context.Changes.UpdatedJobs.Add(job);
            context.Changes.DeletedJobs.Add(job.Id);
            foreach (var incident in (await _store.GetOpenIncidentsAsync(caseId, cancellationToken)).Where(i => i.JobId == jobId))
            {
                incident.ResolvedAt = context.Now;
                context.Changes.UpdatedIncidents.Add(incident);
            }

            context.History(@case, "timer-cancelled", job.ElementId, new JsonObject { ["jobId"] = job.Id.ToString(), ["dueAt"] = IsoText.Format(job.DueAt) });
            return 0;
        }, cancellationToken);
    }
}

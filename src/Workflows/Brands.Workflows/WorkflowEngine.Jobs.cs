using System.Text.Json.Nodes;
using Brands.Workflows.Persistence;
using Brands.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace Brands.Workflows;

public sealed partial class WorkflowEngine
{
    public partial async Task<int> ExecuteDueJobsAsync(string owner, int max, CancellationToken cancellationToken)
    {
        var now = _services.Time.GetUtcNow();
        var jobs = await _store.AcquireJobsAsync(owner, now, now + _options.JobLockDuration, max, cancellationToken);
        foreach (var job in jobs)
        {
            try
            {
                await ExecuteJobAsync(job, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _services.Logger.LogError(e, "Job {JobId} of case {CaseId} failed", job.Id, job.InstanceId);
                try
                {
                    await RecordJobFailureAsync(job.Id, e.Message, cancellationToken);
                }
                catch (Exception recording) when (recording is not OperationCanceledException)
                {
                    // The lease runs out and the job is taken again; the rest of the batch still runs.
                    _services.Logger.LogError(recording, "Recording the failure of job {JobId} failed", job.Id);
                }
            }
        }

        return jobs.Count;
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
        }, cancellationToken);

    /// <summary>A job whose command itself failed: count the attempt down, and raise an incident at zero.</summary>
    private Task RecordJobFailureAsync(Guid jobId, string message, CancellationToken cancellationToken) =>
        ExecuteAsync(null, async (context, runner) =>
        {
            var job = await _store.GetJobAsync(jobId, cancellationToken);
            if (job is null)
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
            if (job.Retries == 0 && job.InstanceId is { } instanceId)
            {
                var @case = await context.LoadCaseAsync(instanceId, cancellationToken);
                runner.RaiseIncident(@case, job.ElementId, job.Id, IncidentKinds.FailedJob, message);
            }

            return 0;
        }, cancellationToken);

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
}

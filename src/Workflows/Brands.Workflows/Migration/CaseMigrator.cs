using System.Text.Json.Nodes;
using Brands.Workflows.Expressions;
using Brands.Workflows.Runtime;

namespace Brands.Workflows.Migration;

/// <summary>
/// Moves one case to the target version inside one engine command (README "Migrating running cases"): its state,
/// open tasks, jobs, timers, subscriptions and open incidents name the target's elements afterwards, and its history
/// says so. A timer or subscription whose event is written differently in the target is armed again from the target.
/// </summary>
internal static class CaseMigrator
{
    public static async Task MigrateAsync(CommandContext context, TokenRunner runner, MigrationMapping mapping, Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await context.LoadCaseAsync(caseId, cancellationToken);
        context.Forget(caseId);
        var record = @case.Record;
        if (record.DefinitionId != mapping.Source.Id)
        {
            throw Refused(null, $"The case runs on version {record.DefinitionVersion} of '{record.DefinitionKey}', not on version {mapping.Source.Version}.");
        }

        if (@case.IsEnded)
        {
            throw Refused(null, $"The case has ended ({record.Status}).");
        }

        var problems = mapping.Check(@case.State);
        if (problems.Count > 0)
        {
            throw new MigrationRefusedException(problems);
        }

        var active = MigrationMapping.ActiveElements(@case.State, mapping.SourceProcess);
        var rearm = Rewrite(@case.State, mapping);
        var migrated = new CaseRuntime(MovedRecords.Instance(record, mapping.Target, @case.State.Serialize()), mapping.TargetProcess, isNew: false);
        context.Track(migrated);
        context.History(migrated, "case-migrated", null, new JsonObject
        {
            ["fromDefinitionId"] = mapping.Source.Id,
            ["fromVersion"] = mapping.Source.Version,
            ["toDefinitionId"] = mapping.Target.Id,
            ["toVersion"] = mapping.Target.Version,
            ["mapping"] = new JsonObject(mapping.For(active).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
        });

        var store = context.Services.Store;
        foreach (var task in await store.GetOpenTasksAsync(caseId, cancellationToken))
        {
            context.Changes.UpdatedTasks.Add(MovedRecords.Task(task, mapping));
            context.Changes.ExpectedVersions[task.Id] = task.Version;
        }

        foreach (var job in await store.GetJobsAsync(caseId, cancellationToken))
        {
            if (!rearm.Contains(job.Id) && mapping.Map(job.ElementId) is { } to && to != job.ElementId)
            {
                context.Changes.UpdatedJobs.Add(MovedRecords.Job(job, to));
            }
        }

        foreach (var incident in await store.GetOpenIncidentsAsync(caseId, cancellationToken))
        {
            if (mapping.Map(incident.ElementId) is { } to && to != incident.ElementId)
            {
                context.Changes.UpdatedIncidents.Add(MovedRecords.Incident(incident, to));
            }
        }

        foreach (var waitId in rearm)
        {
            Rearm(context, runner, migrated, waitId);
        }
    }

    /// <summary>
    /// Renames the elements in <paramref name="state"/>; returns the timers and subscriptions to arm again: those whose
    /// event the target writes differently, and every subscription whose element changes id.
    /// </summary>
    private static HashSet<Guid> Rewrite(InstanceState state, MigrationMapping mapping)
    {
        var rearm = new HashSet<Guid>();
        IEnumerable<IWaitHolder> holders = [.. state.Tokens, .. state.Scopes, .. state.Root is { } root ? [root] : Array.Empty<IWaitHolder>()];
        foreach (var wait in holders.SelectMany(h => h.Waits ?? []))
        {
            var to = mapping.Map(wait.ElementId)!;
            var same = ElementKinds.SameTrigger(ElementKinds.TriggerOf(mapping.SourceProcess.AllNodes[wait.ElementId]),
                ElementKinds.TriggerOf(mapping.TargetProcess.AllNodes[to]));
            if (wait.ListenerIndex is null && (!same || (!wait.IsTimer && to != wait.ElementId)))
            {
                rearm.Add(wait.Id);
            }

            wait.ElementId = to;
        }

        foreach (var token in state.Tokens)
        {
            token.ElementId = mapping.Map(token.ElementId)!;
        }

        foreach (var scope in state.Scopes)
        {
            scope.ElementId = mapping.Map(scope.ElementId)!;
        }

        return rearm;
    }

    /// <summary>Drops the timer or subscription <paramref name="waitId"/> and arms its (target) event afresh, evaluated now.</summary>
    private static void Rearm(CommandContext context, TokenRunner runner, CaseRuntime @case, Guid waitId)
    {
        var (holder, wait) = TokenRunner.FindWait(@case, waitId)!.Value;
        holder.Waits!.Remove(wait);
        if (wait.IsTimer)
        {
            context.Changes.DeletedJobs.Add(wait.Id);
        }
        else
        {
            context.Changes.DeletedSubscriptions.Add(wait.Id);
        }

        var element = @case.Node(wait.ElementId);
        try
        {
            runner.Arm(@case, holder, element, ElementKinds.TriggerOf(element)!);
        }
        catch (ScriptFailedException e)
        {
            throw Refused(wait.ElementId, $"The event of '{wait.ElementId}' in version {@case.Record.DefinitionVersion} cannot be armed: {e.Message}.");
        }
    }

    private static MigrationRefusedException Refused(string? elementId, string message) => new([new MigrationProblem(elementId, message)]);
}

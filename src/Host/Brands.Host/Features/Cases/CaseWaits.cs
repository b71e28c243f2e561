using Brands.Workflows.Persistence;

namespace Brands.Host.Features.Cases;

/// <summary>What a case waits for now: open tasks, timers with their due times, message and signal subscriptions, called cases still running, and open incidents.</summary>
internal static class CaseWaits
{
    public static async Task<IReadOnlyList<CaseView.Wait>> ReadAsync(IWorkflowStore store, Guid caseId, IReadOnlyDictionary<string, string> names,
        IReadOnlyList<CaseView.RelatedCase> children, CancellationToken cancellationToken)
    {
        string? Name(string elementId) => names.GetValueOrDefault(elementId);
        var waits = new List<CaseView.Wait>();
        foreach (var task in await store.GetOpenTasksAsync(caseId, cancellationToken))
        {
            waits.Add(new CaseView.Wait("task", task.ElementId, Name(task.ElementId), task.Name, task.DueAt, task.Assignee,
                [.. TaskFilter.SplitList(task.CandidateGroups)], task.Id, null));
        }

        foreach (var timer in (await store.GetJobsAsync(caseId, cancellationToken)).Where(j => j.Kind == JobKind.Timer).OrderBy(j => j.DueAt))
        {
            waits.Add(new CaseView.Wait("timer", timer.ElementId, Name(timer.ElementId), null, timer.DueAt, null, [], null, null));
        }

        foreach (var subscription in await store.GetSubscriptionsAsync(caseId, cancellationToken))
        {
            waits.Add(new CaseView.Wait(subscription.Kind, subscription.ElementId, Name(subscription.ElementId), subscription.Name, null, null, [], null, null));
        }

        foreach (var child in children.Where(c => c.Status == InstanceStatus.Active && c.CalledFrom is not null))
        {
            waits.Add(new CaseView.Wait("called-case", child.CalledFrom!, Name(child.CalledFrom!), child.BusinessKey ?? child.DefinitionKey, null, null, [], null, child.Id));
        }

        foreach (var incident in await store.GetOpenIncidentsAsync(caseId, cancellationToken))
        {
            waits.Add(new CaseView.Wait("incident", incident.ElementId, Name(incident.ElementId), incident.Message, null, null, [], null, null));
        }

        return waits;
    }
}

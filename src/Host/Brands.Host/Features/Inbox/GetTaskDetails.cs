using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Forms;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Inbox;

/// <summary>The task page (<c>/tasks/{id}</c>): 404 unless the user may see the task, as everywhere (README "Who sees what").</summary>
internal static class GetTaskDetails
{
    internal sealed record Query(Guid TaskId) : IRequest<TaskDetails>, ITaskRequest
    {
        public TaskAction Action => TaskAction.View;
    }

    internal sealed class Handler(
        IWorkflowStore store, FormStore forms, BrandsIdentityDbContext identity, AccessDecision decision, AccessScope scope, TimeProvider time)
        : IRequestHandler<Query, TaskDetails>
    {
        public async Task<TaskDetails> Handle(Query request, CancellationToken cancellationToken)
        {
            var task = decision.Task!;
            var @case = decision.Case!;
            var user = scope.User;
            var now = time.GetUtcNow();
            var definition = await store.GetDefinitionAsync(@case.DefinitionId, cancellationToken);
            var waiting = await store.GetOpenTasksAsync(@case.Id, cancellationToken);
            var organisation = @case.OrganisationCode is null ? null
                : await identity.Organisations.AsNoTracking().Where(o => o.Code == @case.OrganisationCode).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
            var schema = string.IsNullOrWhiteSpace(task.FormRef) ? null
                : await forms.FindLatestAsync(task.FormRef, cancellationToken) is { } form ? JsonNode.Parse(form.SchemaJson) as JsonObject : null;
            var variables = JsonNode.Parse(@case.VariablesJson) as JsonObject ?? [];
            var open = task.State == TaskState.Open;
            return new TaskDetails
            {
                TaskId = task.Id,
                CaseId = @case.Id,
                Name = task.Name,
                ElementId = task.ElementId,
                Assignee = task.Assignee,
                CandidateUsers = task.CandidateUsers,
                CandidateGroups = task.CandidateGroups,
                DueAt = task.DueAt,
                FollowUpAt = task.FollowUpAt,
                Priority = task.Priority,
                CreatedAt = task.CreatedAt,
                State = task.State,
                Due = !open || task.DueAt is not { } due ? DueState.None
                    : due < now ? DueState.Overdue
                    : due < now + InboxQuery.DueSoon ? DueState.DueSoon : DueState.None,
                DefinitionKey = @case.DefinitionKey,
                DefinitionVersion = @case.DefinitionVersion,
                ProcessName = definition?.Name,
                BusinessKey = @case.BusinessKey,
                CaseStatus = @case.Status,
                CaseStartedAt = @case.StartedAt,
                Province = @case.Province,
                OrganisationName = organisation,
                ApplicantName = variables["applicantName"] is JsonValue name && name.TryGetValue<string>(out var applicant) ? applicant : organisation,
                WaitingAt = [.. waiting.Select(t => t.Name ?? t.ElementId)],
                FormRef = task.FormRef,
                FormSchema = schema,
                FormData = schema is null ? [] : FormDataOf(schema, variables),
                MayClaim = open && task.Assignee is null && TaskPermissions.Allows(user, task, TaskAction.Claim),
                MayUnclaim = open && task.Assignee is not null && TaskPermissions.Allows(user, task, TaskAction.Unclaim),
                MayAssign = open && TaskPermissions.Allows(user, task, TaskAction.Assign),
                MayComplete = open && TaskPermissions.Allows(user, task, TaskAction.Complete),
            };
        }

        /// <summary>Only the case variables the form has fields for (by the first part of each key), so the page carries no more of the case than the form shows.</summary>
        private static JsonObject FormDataOf(JsonObject schema, JsonObject variables)
        {
            var roots = FormComponents.Inputs(schema).Select(f => f.Key.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
            var data = new JsonObject();
            foreach (var (name, value) in variables)
            {
                if (roots.Contains(name))
                {
                    data[name] = value?.DeepClone();
                }
            }

            return data;
        }
    }
}

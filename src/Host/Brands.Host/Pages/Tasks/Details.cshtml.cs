using System.Text.Json;
using System.Text.Json.Nodes;
using Brands.Host.Features.Comments;
using Brands.Host.Features.Documents;
using Brands.Host.Features.Inbox;
using Brands.Host.Features.Tasks;
using Brands.Host.Infrastructure.Mediation;
using Brands.Host.Infrastructure.Web;
using Brands.Host.Pages.Shared;
using Brands.Workflows;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Brands.Host.Pages.Tasks;

/// <summary>
/// The task page (<c>/tasks/{id}</c>): the case summary, the task's form in the form-js viewer, completing it
/// (the host's field errors shown beside the fields), claim, release and assign, the case's comments and the task's
/// documents.
/// 404 for a task the user may not see, as everywhere.
/// </summary>
internal sealed class DetailsModel(IMediator mediator, UiText text) : WebPageModel
{
    public TaskDetails Details { get; private set; } = null!;

    public IReadOnlyList<ListComments.Item> Comments { get; private set; } = [];

    /// <summary>The documents attached to this task, with the form to attach another.</summary>
    public TaskDocumentsModel Documents { get; private set; } = null!;

    /// <summary>The host's errors of a refused completion, by field key.</summary>
    public IDictionary<string, string[]> FormErrors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>What was submitted in a refused completion, shown again in the form.</summary>
    public JsonObject? SubmittedData { get; private set; }

    public string? CommentError { get; private set; }

    public string? CommentText { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, string? variables, CancellationToken cancellationToken)
    {
        JsonObject? data;
        try
        {
            data = string.IsNullOrWhiteSpace(variables) ? [] : JsonNode.Parse(variables) as JsonObject;
        }
        catch (JsonException)
        {
            data = null;
        }

        if (data is null)
        {
            return await RefuseAsync(id, new Dictionary<string, string[]> { ["variables"] = ["The form data is not a JSON object."] }, null, cancellationToken);
        }

        var caseId = (await mediator.Send(new GetTaskDetails.Query(id), cancellationToken)).CaseId;
        try
        {
            await mediator.Send(new CompleteTask.Command(id, data), cancellationToken);
        }
        catch (RequestValidationException exception)
        {
            return await RefuseAsync(id, exception.Errors, data, cancellationToken);
        }
        catch (Exception exception) when (exception is WorkflowConflictException or WorkflowConcurrencyException or WorkflowInputException)
        {
            ServerProblem(exception.Message);
            return LocalRedirect($"/tasks/{id}");
        }

        return await NextAsync(caseId, cancellationToken);
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, string? body, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(new AddComment.Command(id, body), cancellationToken);
        }
        catch (RequestValidationException exception)
        {
            CommentError = string.Join(" ", exception.Errors.SelectMany(e => e.Value).Select(text.Server));
            CommentText = body;
            await LoadAsync(id, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Notice(text.CommentAdded);
        return LocalRedirect($"/tasks/{id}#comments");
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new ClaimTask.Command(id), cancellationToken)))
        {
            Notice(text.Claimed);
        }

        return LocalRedirect($"/tasks/{id}");
    }

    public async Task<IActionResult> OnPostUnclaimAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new UnclaimTask.Command(id), cancellationToken)))
        {
            Notice(text.Unclaimed);
        }

        return LocalRedirect($"/tasks/{id}");
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, string? userName, CancellationToken cancellationToken)
    {
        var assignee = string.IsNullOrWhiteSpace(userName) ? null : userName.Trim();
        if (!await TryAsync(() => mediator.Send(new AssignTask.Command(id, assignee), cancellationToken)))
        {
            return LocalRedirect($"/tasks/{id}");
        }

        // The task may now be out of the user's sight: back to the inbox.
        Notice(assignee is null ? text.Unclaimed : text.AssignedTo(assignee));
        return LocalRedirect("/inbox");
    }

    /// <summary>JSON for a <c>script type="application/json"</c> block: the default encoder escapes &lt;, &gt; and &amp;, so no value can close the element.</summary>
    public static string JsonBlock(JsonNode? node) => node?.ToJsonString() ?? "null";

    /// <summary>After completing: the case's next task the user may see, or the inbox when there is none.</summary>
    private async Task<IActionResult> NextAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var next = await mediator.Send(new ListTasks.Query(caseId, Mine: false, Candidate: false, Overdue: false), cancellationToken) is [var first, ..] ? first : null;
        if (next is null)
        {
            Notice(text.TaskCompleted);
            return LocalRedirect("/inbox");
        }

        Notice(text.TaskCompletedNext(next.Name ?? next.ElementId));
        return LocalRedirect($"/tasks/{next.Id}");
    }

    private async Task<IActionResult> RefuseAsync(Guid id, IDictionary<string, string[]> errors, JsonObject? data, CancellationToken cancellationToken)
    {
        FormErrors = errors.ToDictionary(e => e.Key, e => e.Value.Select(text.Server).ToArray(), StringComparer.Ordinal);
        SubmittedData = data;
        await LoadAsync(id, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Details = await mediator.Send(new GetTaskDetails.Query(id), cancellationToken);
        Comments = await mediator.Send(new ListComments.Query(id), cancellationToken);
        var documents = await mediator.Send(new ListCaseDocuments.Query(Details.CaseId), cancellationToken);
        Documents = new TaskDocumentsModel(id, [.. documents.Where(d => d.TaskId == id)], $"/tasks/{id}");
    }
}

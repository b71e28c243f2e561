using Brands.Host.Features.Inbox;
using Brands.Host.Features.Tasks;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Mediation;
using Brands.Host.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Brands.Host.Pages.Inbox;

/// <summary>
/// The inbox (<c>/inbox</c>): tabs, filters, search and paging in the query string, rendered on the server from
/// <see cref="ListInbox"/>; claim, release and assign through the same commands as the API, and saved filters.
/// Every action goes back to the inbox with the same filter.
/// </summary>
internal sealed class IndexModel(IMediator mediator, AccessScope scope, UiText text) : WebPageModel
{
    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }
    [BindProperty(SupportsGet = true)] public string? Process { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DueFrom { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DueTo { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public InboxFilter Filter => new(Tab, Process, Province, Year, Status, DueFrom, DueTo, Q, PageNumber);

    public ListInbox.Result? Result { get; private set; }

    public IReadOnlyList<ListInboxFilters.Item> SavedFilters { get; private set; } = [];

    public IReadOnlyList<string> Groups => scope.User.Groups;

    /// <summary>Problems with the filter, by field, each in words.</summary>
    public IReadOnlyList<string> FilterErrors { get; private set; } = [];

    /// <summary>The inbox with <paramref name="filter"/>: for tabs, paging and saved filters.</summary>
    public static string Link(InboxFilter filter) => filter.ToQueryString() is { Length: > 0 } query ? "/inbox?" + query : "/inbox";

    /// <summary>Where a form posts to run <paramref name="handler"/> and come back to the same filter.</summary>
    public string ActionUrl(string handler) =>
        "/inbox?handler=" + handler + (Filter.ToQueryString() is { Length: > 0 } query ? "&" + query : "");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var errors = ModelState.Where(e => e.Value?.Errors.Count > 0)
            .Select(e => text.FilterProblem(e.Key, [NotReadable(e.Key)]))
            .Concat(Filter.Validate().Select(e => text.FilterProblem(e.Key, e.Value)))
            .ToList();
        SavedFilters = await mediator.Send(new ListInboxFilters.Query(), cancellationToken);
        if (errors.Count > 0)
        {
            FilterErrors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await mediator.Send(new ListInbox.Query(Filter), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid taskId, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new ClaimTask.Command(taskId), cancellationToken)))
        {
            Notice(text.Claimed);
        }

        return Back();
    }

    public async Task<IActionResult> OnPostUnclaimAsync(Guid taskId, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new UnclaimTask.Command(taskId), cancellationToken)))
        {
            Notice(text.Unclaimed);
        }

        return Back();
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid taskId, string? userName, CancellationToken cancellationToken)
    {
        var assignee = string.IsNullOrWhiteSpace(userName) ? null : userName.Trim();
        if (await TryAsync(() => mediator.Send(new AssignTask.Command(taskId, assignee), cancellationToken)))
        {
            Notice(assignee is null ? text.Unclaimed : text.AssignedTo(assignee));
        }

        return Back();
    }

    public async Task<IActionResult> OnPostSaveFilterAsync(string? name, string? sharedGroup, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(new SaveInboxFilter.Command(name, sharedGroup, Filter), cancellationToken);
            Notice(text.FilterSaved);
        }
        catch (RequestValidationException exception)
        {
            Problem(string.Join(" ", exception.Errors.SelectMany(e => e.Value).Select(text.Server)));
        }

        return Back();
    }

    public async Task<IActionResult> OnPostDeleteFilterAsync(long filterId, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteInboxFilter.Command(filterId), cancellationToken);
        Notice(text.FilterDeleted);
        return Back();
    }

    /// <summary>What a value the query string could not be read as says (dates and numbers only are typed).</summary>
    private static string NotReadable(string field) =>
        field.StartsWith("due", StringComparison.OrdinalIgnoreCase) ? "Enter a date as yyyy-MM-dd (ISO 8601)." : "Enter a number.";

    /// <summary>Back to the inbox with the filter rebuilt from its checked values, never from text the client sent.</summary>
    private LocalRedirectResult Back()
    {
        return LocalRedirect(Link(Filter.Validate().Count == 0 ? Filter : new InboxFilter()));
    }
}

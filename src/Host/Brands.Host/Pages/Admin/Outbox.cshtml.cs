using Brands.Host.Features.Admin;
using Brands.Host.Infrastructure.Email;
using Brands.Host.Infrastructure.Web;
using Brands.Workflows;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Brands.Host.Pages.Admin;

/// <summary>
/// The outbox for national administrators (<c>/admin/outbox</c>, README "Email"): newest first, filtered by status,
/// <see cref="PageSize"/> a page; "send again" runs the same command as <c>POST /api/admin/outbox/{id}/resend</c>.
/// Others get 403 from the commands' own rule (national administrators only).
/// </summary>
internal sealed class OutboxModel(IMediator mediator, MailComposer composer, UiText text) : WebPageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public int CurrentPage => PageNumber ?? 1;

    public IReadOnlyList<OutboxRow> Rows { get; private set; } = [];

    public bool HasNextPage { get; private set; }

    /// <summary>What was wrong with the filter, in words; the page answers 400 then.</summary>
    public string? FilterError { get; private set; }

    public static string Link(string? status, int page)
    {
        var query = new List<string>();
        if (status is not null)
        {
            query.Add("status=" + Uri.EscapeDataString(status));
        }

        if (page > 1)
        {
            query.Add("p=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return "/admin/outbox" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Status = string.IsNullOrEmpty(Status) ? null : Status;
        FilterError = !ModelState.IsValid || PageNumber is < 1 ? text.BadPageNumber
            : Status is not null && !OutboxStatus.All.Contains(Status) ? text.BadOutboxStatus
            : null;
        if (FilterError is not null)
        {
            // Still the administrators' page: the same rule decides who may see that the filter was wrong.
            await mediator.Send(new ListOutbox.Query(null, null, null, 1), cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var found = await mediator.Send(new ListOutbox.Query(Status, null, null, PageSize + 1, (CurrentPage - 1) * PageSize), cancellationToken);
        HasNextPage = found.Count > PageSize;
        Rows = [.. found.Take(PageSize).Select(item => OutboxRow.From(item, composer, text.Language))];
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            if (await TryAsync(() => mediator.Send(new ResendOutboxMessage.Command(id), cancellationToken)))
            {
                Notice(text.ResendQueued);
            }
        }
        catch (WorkflowNotFoundException)
        {
            return NotFound();
        }

        return LocalRedirect(Link(OutboxStatus.All.Contains(Status ?? "") ? Status : null, PageNumber is > 1 ? PageNumber.Value : 1));
    }
}

using Brands.Host.Features.Cases;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brands.Host.Pages.Cases;

/// <summary>The case view page at <c>/cases/{id}</c> (README "Case view"): what <c>GET /api/cases/{id}/view</c> returns, for people; 404 for a case the visitor may not see.</summary>
[Authorize]
internal sealed class DetailsModel(IMediator mediator) : PageModel
{
    public CaseView Case { get; private set; } = null!;

    public PageText Text { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Text = PageText.For(HttpContext);
        try
        {
            Case = await mediator.Send(new GetCaseView.Query(id), cancellationToken);
        }
        catch (NotVisibleException)
        {
            return NotFound();
        }

        return Page();
    }
}

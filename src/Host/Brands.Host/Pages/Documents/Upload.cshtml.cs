using Brands.Host.Features.Documents;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Api;
using Brands.Host.Infrastructure.Documents;
using Brands.Host.Infrastructure.Mediation;
using Brands.Host.Infrastructure.Web;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brands.Host.Pages.Documents;

/// <summary>
/// The upload forms of the pages (the case view, <c>_TaskDocuments</c>) post here, with their antiforgery token
/// (Razor Pages check it on every post): the same commands as the API, then back to the page with the outcome.
/// </summary>
[Authorize]
internal sealed class UploadModel(IMediator mediator) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(Guid? caseId, Guid? taskId, string? returnUrl, CancellationToken cancellationToken)
    {
        var text = PageText.For(HttpContext);
        var form = await Request.ReadFormAsync(cancellationToken);
        Task<UploadedFile> Read(long max, CancellationToken ct) => UploadReader.FromFormAsync(form, max, ct);
        try
        {
            DocumentSummary stored = (caseId, taskId) switch
            {
                (_, { } task) => await mediator.Send(new UploadTaskDocument.Command(task, Read), cancellationToken),
                ({ } @case, null) => await mediator.Send(new UploadCaseDocument.Command(@case, Read), cancellationToken),
                _ => throw new RequestValidationException(new Dictionary<string, string[]> { ["caseId"] = ["Name the case or the task."] }),
            };
            TempData["DocumentUploaded"] = stored.FileName;
            returnUrl ??= $"/cases/{stored.CaseId}";
        }
        catch (NotVisibleException)
        {
            return NotFound();
        }
        catch (RequestValidationException refused)
        {
            TempData["DocumentError"] = $"{text["The file was refused"]}: {string.Join(" ", refused.Errors.SelectMany(e => e.Value))}";
        }
        catch (RequestBodyTooLargeException tooLarge)
        {
            TempData["DocumentError"] = $"{text["The file is larger than the limit of"]} {tooLarge.Limit / (1024 * 1024.0):0.#} MB.";
        }
        catch (WorkflowConflictException conflict)
        {
            TempData["DocumentError"] = conflict.Message;
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}

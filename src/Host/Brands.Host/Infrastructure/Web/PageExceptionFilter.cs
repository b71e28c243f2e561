using Brands.Host.Features.Inbox;
using Brands.Host.Infrastructure.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Brands.Host.Infrastructure.Web;

/// <summary>
/// A page whose request finds nothing the user may see answers 404, exactly as for something that does not exist
/// (README "Who sees what"), and one the user may not do answers 403; both are shown by the status page.
/// </summary>
internal sealed class PageExceptionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled)
        {
            return;
        }

        int? status = executed.Exception switch
        {
            NotVisibleException or SavedFilterNotFoundException => StatusCodes.Status404NotFound,
            AccessDeniedException => StatusCodes.Status403Forbidden,
            _ => null,
        };
        if (status is { } code)
        {
            executed.Result = new StatusCodeResult(code);
            executed.ExceptionHandled = true;
        }
    }
}

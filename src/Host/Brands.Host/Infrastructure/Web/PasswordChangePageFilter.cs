using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Brands.Host.Infrastructure.Web;

/// <summary>
/// A user who must change their password (a first administrator from configuration) sees only the password page
/// until they do, as the API answers them 403 (Infrastructure/Auth/PasswordChangeGate).
/// </summary>
internal sealed class PasswordChangePageFilter : IAsyncPageFilter
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "/Index", "/Password", "/SignOut", "/Language" };

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.MustChangePassword() && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            context.Result = new RedirectToPageResult("/Password");
            return;
        }

        await next();
    }
}

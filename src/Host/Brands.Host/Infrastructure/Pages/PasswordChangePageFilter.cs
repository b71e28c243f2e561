using Brands.Host.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Brands.Host.Infrastructure.Pages;

/// <summary>The pages' side of <see cref="PasswordChangeGate"/>: a user who must change their password sees no page with case data until they have.</summary>
internal sealed class PasswordChangePageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.HasClaim(BrandsClaimTypes.MustChangePassword, "true"))
        {
            context.Result = new ContentResult
            {
                StatusCode = StatusCodes.Status403Forbidden,
                ContentType = "text/plain; charset=utf-8",
                Content = "Change your password first: POST /api/auth/change-password {currentPassword,newPassword}, then sign in again.",
            };
            return;
        }

        await next();
    }
}

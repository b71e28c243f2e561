using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Brands.Host.Pages;

/// <summary>Signs out (a POST with the antiforgery token, so no link on another site can sign a user out) and returns to the sign-in page.</summary>
internal sealed class SignOutModel(SignInManager<BrandsUser> signIn) : WebPageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}

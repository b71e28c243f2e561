using Brands.Host.Features.Auth;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Mediation;
using Brands.Host.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brands.Host.Pages;

/// <summary>
/// Changes the signed-in user's password through the same command as the API; the cookie is then renewed, so a
/// first administrator who had to change it goes straight on to the inbox.
/// </summary>
internal sealed class PasswordModel(IMediator mediator, UserManager<BrandsUser> users, SignInManager<BrandsUser> signIn, UiText text) : WebPageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Required => HttpContext.MustChangePassword();

    public PageResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), text.PasswordsDiffer);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            await mediator.Send(new ChangePassword.Command(CurrentPassword, NewPassword), cancellationToken);
        }
        catch (RequestValidationException exception)
        {
            foreach (var (field, messages) in exception.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, text.Server(message));
                }
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var user = await users.FindByNameAsync(User.Identity!.Name!);
        if (user is not null)
        {
            await signIn.RefreshSignInAsync(user);
        }

        Notice(text.PasswordChanged);
        return LocalRedirect(IndexModel.Start);
    }
}

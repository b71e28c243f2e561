using Brands.Host.Features.Auth;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brands.Host.Pages;

/// <summary>
/// The root: the sign-in page. Signs in with Identity's cookie through the same command as the API (so the same
/// throttling applies), then opens the inbox — or the password page when the password must be changed first.
/// </summary>
internal sealed class IndexModel(IMediator mediator, UserManager<BrandsUser> users, UiText text) : WebPageModel
{
    public const string Start = "/inbox";

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(NextPage(HttpContext.MustChangePassword())) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            return Refuse(StatusCodes.Status400BadRequest, text.SignInFieldsRequired);
        }

        var outcome = await mediator.Send(
            new Login.Command(UserName, Password, AuthSetup.ClientOf(HttpContext)) { UseCookies = true }, cancellationToken);
        if (outcome.RetryAfter is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Refuse(StatusCodes.Status429TooManyRequests, text.SignInDelayed(seconds));
        }

        if (!outcome.Succeeded)
        {
            return Refuse(StatusCodes.Status401Unauthorized, text.WrongCredentials);
        }

        var user = await users.FindByNameAsync(UserName);
        return LocalRedirect(NextPage(user?.MustChangePassword == true));
    }

    private string NextPage(bool mustChangePassword) =>
        mustChangePassword ? "/password"
        : !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl
        : Start;

    private PageResult Refuse(int status, string message)
    {
        Error = message;
        Password = null;
        Response.StatusCode = status;
        return Page();
    }
}

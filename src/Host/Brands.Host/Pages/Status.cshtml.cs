using Brands.Host.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Brands.Host.Pages;

/// <summary>
/// What a page answers when it fails with a status (404, 403, 400…), shown by the status code pages with that
/// status. A failed POST is shown by a POST too: this page reads nothing and changes nothing, so it needs no token.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : WebPageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
    }
}

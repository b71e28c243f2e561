using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using Brands.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brands.Host.Infrastructure.Web;

/// <summary>
/// A page of the web app: one-line notices carried to the next page (after a redirect), and actions whose
/// expected refusals (a race lost, a bad value) become a notice instead of an error page.
/// </summary>
internal abstract class WebPageModel : PageModel
{
    public const string NoticeKey = "notice";
    public const string ProblemKey = "problem";

    protected void Notice(string text) => TempData[NoticeKey] = text;

    protected void Problem(string text) => TempData[ProblemKey] = text;

    /// <summary>A refusal of the host, in the page's language.</summary>
    protected void ServerProblem(string message) => Problem(HttpContext.RequestServices.GetRequiredService<UiText>().Server(message));

    /// <summary>
    /// Runs <paramref name="action"/>; a conflict (someone else was faster), bad input or a refused value is
    /// reported as a notice and false. Not-found and not-allowed go on to the status page (404, 403).
    /// </summary>
    protected async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception exception) when (exception is WorkflowConflictException or WorkflowConcurrencyException or WorkflowInputException)
        {
            ServerProblem(exception.Message);
            return false;
        }
        catch (RequestValidationException exception)
        {
            var text = HttpContext.RequestServices.GetRequiredService<UiText>();
            Problem(string.Join(" ", exception.Errors.SelectMany(e => e.Value).Select(text.Server)));
            return false;
        }
    }
}

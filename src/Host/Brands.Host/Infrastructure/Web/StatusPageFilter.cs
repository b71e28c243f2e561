using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Brands.Host.Infrastructure.Web;

/// <summary>
/// A page that answers only a status (a missing antiforgery token: 400; not visible: 404; not allowed: 403) shows
/// it as a page of the web app, in the user's language, with that status. Runs for results of every filter,
/// the antiforgery check included.
/// </summary>
internal sealed class StatusPageFilter(IModelMetadataProvider metadata) : IAsyncAlwaysRunResultFilter
{
    public const string ViewPath = "/Pages/Shared/_Status.cshtml";

    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is StatusCodeResult { StatusCode: >= 400 } status)
        {
            context.Result = new ViewResult
            {
                ViewName = ViewPath,
                StatusCode = status.StatusCode,
                ViewData = new ViewDataDictionary<int>(metadata, new ModelStateDictionary()) { Model = status.StatusCode },
                TempData = context.HttpContext.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext),
            };
        }

        return next();
    }
}

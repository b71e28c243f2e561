using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brands.Host.Infrastructure.Web;

/// <summary>Which Razor pages the host has, so the top bar links only to pages that exist (the case list comes with the case view).</summary>
internal sealed class PageCatalog(IActionDescriptorCollectionProvider actions)
{
    public bool Has(string page) =>
        actions.ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .Any(p => string.Equals(p.ViewEnginePath, page, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether any page lives under <paramref name="folder"/> (<c>/Cases</c>).</summary>
    public bool HasUnder(string folder) =>
        actions.ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .Any(p => p.ViewEnginePath.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase));
}

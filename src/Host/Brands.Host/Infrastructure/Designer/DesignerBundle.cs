using Microsoft.Extensions.FileProviders;

namespace Brands.Host.Infrastructure.Designer;

/// <summary>The built designer in one folder: its HTML pages at the top, hashed scripts and styles in assets/.</summary>
internal sealed class DesignerBundle(string folder)
{
    /// <summary>The assets folder, or an empty provider while the bundle is not built (the page then says so).</summary>
    public IFileProvider Assets { get; } = Directory.Exists(Path.Combine(folder, "assets"))
        ? new PhysicalFileProvider(Path.Combine(folder, "assets"))
        : new NullFileProvider();

    public IResult Page(HttpContext context, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            return Results.Problem(
                $"The designer is not built ({path} is missing): build the host (dotnet build), which runs npm ci and the Vite build in src/Designer.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "The designer is not built.");
        }

        // The page names its hashed assets, so it must never be served from a cache after a new build.
        context.Response.Headers.CacheControl = "no-cache";
        return Results.File(path, "text/html; charset=utf-8");
    }
}

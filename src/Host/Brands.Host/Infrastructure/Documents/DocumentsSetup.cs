using Brands.Host.Infrastructure.Persistence;

namespace Brands.Host.Infrastructure.Documents;

/// <summary>Documents (README "Documents"): the table, the size limit from <c>Documents:MaxBytes</c>, the store and the upload checks.</summary>
internal static class DocumentsSetup
{
    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<DocumentOptions>(builder.Configuration.GetSection(DocumentOptions.SectionName));
        services.AddDbContext<DocumentsDbContext>((provider, options) => provider.GetRequiredService<DatabaseSettings>().Configure(options));
        services.AddScoped<DocumentStore>();
        services.AddScoped<DocumentUploads>();
        // Browser uploads carry an antiforgery token (UploadReader); the Razor pages use the same service.
        services.AddAntiforgery();
        return builder;
    }
}

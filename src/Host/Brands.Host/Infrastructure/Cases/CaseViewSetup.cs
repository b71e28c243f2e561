namespace Brands.Host.Infrastructure.Cases;

/// <summary>What the case view (README "Case view") needs beyond the engine: element names read from the deployed XML.</summary>
internal static class CaseViewSetup
{
    public static WebApplicationBuilder AddCaseView(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProcessElementNames>();
        return builder;
    }
}

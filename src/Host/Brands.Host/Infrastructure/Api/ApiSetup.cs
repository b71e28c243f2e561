using Brands.Host.Features;
using Brands.Host.Infrastructure.Health;
using Brands.Host.Infrastructure.Mediation;
using Microsoft.AspNetCore.Http.Json;

namespace Brands.Host.Infrastructure.Api;

/// <summary>Problem details, OpenAPI (with the Swagger UI at /swagger), health checks, MediatR and the endpoints.</summary>
internal static class ApiSetup
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // A body that does not bind (not JSON, variables not an object, …) throws, so the exception handler can
        // answer with a problem that names the cause instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => options.SerializerOptions.AllowTrailingCommas = false);
        services.AddOpenApi();
        services.AddMediation();
        services.AddHealth();
        return builder;
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/openapi/v1.json", "Brands.Workflow API"));
        app.MapHealth();
        app.MapApi();
        return app;
    }
}

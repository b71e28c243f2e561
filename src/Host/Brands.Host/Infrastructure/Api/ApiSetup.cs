using Brands.Host.Features;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Health;
using Brands.Host.Infrastructure.Mediation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;

namespace Brands.Host.Infrastructure.Api;

/// <summary>
/// Problem details, OpenAPI (with the Swagger UI at /swagger: open in Development, national administrators only
/// elsewhere), health checks, MediatR and the endpoints.
/// </summary>
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
        services.AddOpenApi(options =>
        {
            // Features nest their shapes (CreateUser.Body, ListTasks.Item): name schemas after both, or every
            // "Body" would be one schema in the document.
            options.CreateSchemaReferenceId = type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && type.Type.DeclaringType is { } outer
                ? outer.Name + id
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddSchemaTransformer<NamedValuesSchemaTransformer>();
        });
        services.AddMediation();
        services.AddHealth();
        return builder;
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        var openApi = app.MapOpenApi();
        if (!app.Environment.IsDevelopment())
        {
            openApi.RequireAuthorization(Policies.Admin);
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger"), swagger => swagger.Use(async (context, next) =>
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }

                if (!context.User.IsInRole(Roles.NationalAdmin))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                await next(context);
            }));
        }

        app.UseSwaggerUI(options => options.SwaggerEndpoint("/openapi/v1.json", "Brands.Workflow API"));
        app.MapHealth();
        app.MapApi();
        return app;
    }
}

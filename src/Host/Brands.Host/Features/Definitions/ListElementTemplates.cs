using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.ElementTemplates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Definitions;

/// <summary>
/// <c>GET /api/definitions/element-templates?language=</c> → the Camunda 7 element templates of every service-task topic
/// and listener handler the host registers (README "Element templates"), named in <c>zh-CN</c> (default) or <c>en</c>.
/// </summary>
internal static class ListElementTemplates
{
    public static void Map(IEndpointRouteBuilder definitions) =>
        definitions.MapGet("/element-templates", Ok<JsonArray> (string? language, ElementTemplateCatalog catalog) =>
                TypedResults.Ok(catalog.Templates(language)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ListElementTemplates");
}

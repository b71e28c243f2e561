using Brands.Host.Infrastructure.Auth;
using Brands.Workflows;
using Brands.Workflows.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Definitions;

/// <summary>
/// <c>GET /api/definitions/supported-elements</c> → <c>{supported:[kind…], unsupported:{kind: reason}}</c>: what the
/// engine's validator accepts, asked of the validator itself. The designer's lint reads it (README "The designer").
/// </summary>
internal static class ListSupportedElements
{
    public static void Map(IEndpointRouteBuilder definitions) =>
        definitions.MapGet("/supported-elements", Ok<SupportedElementSet> () => TypedResults.Ok(SupportedElementCatalog.Current))
            .RequireAuthorization(Policies.Admin)
            .WithName("ListSupportedElements");
}

using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Api;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Mapping;
using Brands.Workflows;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Definitions;

/// <summary>
/// <c>POST /api/definitions</c> with a BPMN file as the body (application/xml or text/xml) → 201 <c>{id,key,version}</c>
/// for a new version, 200 with the existing version for identical XML, 400 with every problem, 413 when too large.
/// </summary>
internal static class DeployDefinition
{
    internal sealed record Command(string Xml) : IRequest<DeploymentResult>, IAdminRequest;

    /// <summary>The first executable process of the file; <c>definitions</c> lists all of them.</summary>
    internal sealed record Response(string Id, string Key, int Version, string? Name, IReadOnlyList<DefinitionSummary> Definitions);

    internal sealed record DefinitionSummary(string Id, string Key, int Version, string? Name, bool IsNew);

    internal sealed class Handler(WorkflowEngine engine) : IRequestHandler<Command, DeploymentResult>
    {
        public Task<DeploymentResult> Handle(Command request, CancellationToken cancellationToken) =>
            engine.DeployAsync(request.Xml, cancellationToken);
    }

    private static readonly string[] XmlContentTypes = ["application/xml", "text/xml"];

    public static void Map(IEndpointRouteBuilder definitions) =>
        definitions.MapPost("/", async Task<Results<Created<Response>, Ok<Response>, ProblemHttpResult>> (
                HttpRequest request, IMediator mediator, WorkflowEngineOptions options, CancellationToken cancellationToken) =>
            {
                if (!IsXml(request.ContentType))
                {
                    return TypedResults.Problem($"Send the BPMN file as {string.Join(" or ", XmlContentTypes)}.",
                        statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.");
                }

                var xml = await LimitedBodyReader.ReadTextAsync(request, options.MaxBpmnBytes, cancellationToken);
                var result = await mediator.Send(new Command(xml), cancellationToken);
                if (result.Definitions.Count == 0)
                {
                    return TypedResults.Problem("The file holds no executable process.",
                        statusCode: StatusCodes.Status400BadRequest, title: "The BPMN file was refused.");
                }

                var first = result.Definitions[0];
                var response = new Response(first.Id, first.Key, first.Version, first.Name,
                    result.Definitions.Adapt<List<DefinitionSummary>>(Mappings.Config));
                return result.CreatedAny
                    ? TypedResults.Created($"/api/definitions/{Uri.EscapeDataString(first.Key)}/xml", response)
                    : TypedResults.Ok(response);
            })
            .RequireAuthorization(Policies.Admin)
            .Accepts<string>(XmlContentTypes[0], XmlContentTypes[1..])
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("DeployDefinition");

    private static bool IsXml(string? contentType) =>
        contentType is not null
        && XmlContentTypes.Any(xml => contentType.StartsWith(xml, StringComparison.OrdinalIgnoreCase));
}

using System.Text.Json.Serialization;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Api;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Workflows;
using Brands.Workflows;
using Brands.Workflows.Persistence;
using Brands.Workflows.Versioning;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Definitions;

/// <summary>
/// <c>POST /api/definitions?basedOnVersion=</c> with a BPMN file as the body (application/xml or text/xml) → 201
/// <c>{id,key,version,changes}</c> for a new version (<c>changes</c>: what differs from the previous version), 200 with
/// the existing version for identical XML, 400 with every problem, 413 when too large, 409 when
/// <c>basedOnVersion</c> is no longer the latest version (another administrator deployed meanwhile). A process whose
/// <c>ownerOrganisation</c> names no organisation is one of the problems (<see cref="OwnerOrganisationCheck"/>).
/// </summary>
internal static class DeployDefinition
{
    internal sealed record Command(string Xml, int? BasedOnVersion) : IRequest<Response?>, IAdminRequest;

    /// <summary>The first executable process of the file; <c>definitions</c> lists all of them.</summary>
    internal sealed record Response(string Id, string Key, int Version, string? Name, int? PreviousVersion,
        IReadOnlyList<Change> Changes, IReadOnlyList<DefinitionSummary> Definitions)
    {
        [JsonIgnore]
        public bool CreatedAny => Definitions.Any(d => d.IsNew);
    }

    internal sealed record DefinitionSummary(string Id, string Key, int Version, string? Name, bool IsNew, int? PreviousVersion, IReadOnlyList<Change> Changes);

    /// <summary>An element <c>added</c>, <c>removed</c> or <c>changed</c> since the previous version, with what changed.</summary>
    internal sealed record Change(string ElementId, string Kind, string? Name, string ChangeKind, IReadOnlyList<string> Details)
    {
        public static Change From(ElementChange change) =>
            new(change.ElementId, change.Kind, change.Name, change.Change switch
            {
                ElementChangeKind.Added => "added",
                ElementChangeKind.Removed => "removed",
                _ => "changed",
            }, change.Details);
    }

    internal sealed class Handler(WorkflowEngine engine, IWorkflowStore store) : IRequestHandler<Command, Response?>
    {
        public async Task<Response?> Handle(Command request, CancellationToken cancellationToken)
        {
            var result = await engine.DeployAsync([new BpmnSource("process.bpmn", request.Xml)], request.BasedOnVersion, cancellationToken);
            var summaries = new List<DefinitionSummary>();
            foreach (var deployed in result.Definitions)
            {
                var previous = deployed.IsNew && deployed.Version > 1
                    ? await store.FindDefinitionAsync(deployed.Key, deployed.Version - 1, cancellationToken)
                    : null;
                IReadOnlyList<Change> changes = previous is null ? []
                    : [.. DefinitionComparer.Compare(previous.Xml, request.Xml, deployed.Key).Select(Change.From)];
                summaries.Add(new DefinitionSummary(deployed.Id, deployed.Key, deployed.Version, deployed.Name, deployed.IsNew, previous?.Version, changes));
            }

            if (summaries.Count == 0)
            {
                return null;
            }

            var first = summaries[0];
            return new Response(first.Id, first.Key, first.Version, first.Name, first.PreviousVersion, first.Changes, summaries);
        }
    }

    private static readonly string[] XmlContentTypes = ["application/xml", "text/xml"];

    public static void Map(IEndpointRouteBuilder definitions) =>
        definitions.MapPost("/", async Task<Results<Created<Response>, Ok<Response>, ProblemHttpResult>> (
                HttpRequest request, int? basedOnVersion, IMediator mediator, WorkflowEngineOptions options, CancellationToken cancellationToken) =>
            {
                if (!IsXml(request.ContentType))
                {
                    return TypedResults.Problem($"Send the BPMN file as {string.Join(" or ", XmlContentTypes)}.",
                        statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.");
                }

                if (basedOnVersion < 0)
                {
                    return TypedResults.Problem("basedOnVersion is the latest version you opened: 0 for a new process, else 1 or more.",
                        statusCode: StatusCodes.Status400BadRequest, title: "Invalid input.");
                }

                var xml = await LimitedBodyReader.ReadTextAsync(request, options.MaxBpmnBytes, cancellationToken);
                if (await mediator.Send(new Command(xml, basedOnVersion), cancellationToken) is not { } response)
                {
                    return TypedResults.Problem("The file holds no executable process.",
                        statusCode: StatusCodes.Status400BadRequest, title: "The BPMN file was refused.");
                }

                return response.CreatedAny
                    ? TypedResults.Created($"/api/definitions/{Uri.EscapeDataString(response.Key)}/xml", response)
                    : TypedResults.Ok(response);
            })
            .RequireAuthorization(Policies.Admin)
            .Accepts<string>(XmlContentTypes[0], XmlContentTypes[1..])
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("DeployDefinition");

    private static bool IsXml(string? contentType) =>
        contentType is not null
        && XmlContentTypes.Any(xml => contentType.StartsWith(xml, StringComparison.OrdinalIgnoreCase));
}

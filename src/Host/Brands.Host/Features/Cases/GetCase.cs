using System.Text.Json.Nodes;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Cases;

/// <summary><c>GET /api/cases/{id}</c>: status, where the case waits, and its variables.</summary>
internal static class GetCase
{
    internal sealed record Query(Guid Id) : IRequest<CaseSnapshot?>;

    internal sealed record Response(
        Guid Id,
        string DefinitionKey,
        int DefinitionVersion,
        string? BusinessKey,
        string Status,
        IReadOnlyList<string> ActiveElementIds,
        JsonObject Variables,
        DateTimeOffset StartedAt,
        DateTimeOffset? EndedAt);

    internal sealed class Handler(WorkflowEngine engine) : IRequestHandler<Query, CaseSnapshot?>
    {
        public Task<CaseSnapshot?> Handle(Query request, CancellationToken cancellationToken) =>
            engine.GetCaseAsync(request.Id, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapGet("/{id:guid}", async Task<Results<Ok<Response>, ProblemHttpResult>> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                await mediator.Send(new Query(id), cancellationToken) is { } c
                    ? TypedResults.Ok(new Response(c.Id, c.DefinitionKey, c.DefinitionVersion, c.BusinessKey, c.Status,
                        c.ActiveElementIds, c.Variables, c.StartedAt, c.EndedAt))
                    : NotFound(id))
            .WithName("GetCase");

    internal static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem($"No case with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}

using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Mapping;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Cases;

/// <summary>
/// <c>POST /api/cases {definitionKey,businessKey?,variables?,organisationCode?}</c> → 201 <c>{id,businessKey,status}</c>.
/// The case is owned by <c>organisationCode</c> (default: the caller's organisation) and belongs to its province;
/// the host sets the case variables <c>province</c> and <c>organisationCode</c> from them.
/// </summary>
internal static class StartCase
{
    internal sealed record Body(string? DefinitionKey, string? BusinessKey, JsonObject? Variables, string? OrganisationCode);

    internal sealed record Command(string? DefinitionKey, string? BusinessKey, JsonObject? Variables, string? OrganisationCode)
        : IRequest<CaseSnapshot>, IValidatedRequest, IStartCaseRequest
    {
        public IDictionary<string, string[]> Validate() =>
            string.IsNullOrWhiteSpace(DefinitionKey)
                ? new Dictionary<string, string[]> { ["definitionKey"] = ["The definition key is required."] }
                : new Dictionary<string, string[]>();
    }

    internal sealed record Response(Guid Id, string? BusinessKey, string Status);

    internal sealed class Handler(WorkflowEngine engine, AccessScope scope, AccessDecision decision) : IRequestHandler<Command, CaseSnapshot>
    {
        public Task<CaseSnapshot> Handle(Command request, CancellationToken cancellationToken)
        {
            var owner = decision.Owner ?? throw new InvalidOperationException("The case's owner was not decided.");
            var variables = CaseVariables.WithOwner(request.Variables, owner.Code, owner.Province);
            return engine.StartAsync(request.DefinitionKey!, request.BusinessKey, variables, scope.User.UserName,
                new CaseAttributes(owner.Code, owner.Province), cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapPost("/", async Task<Created<Response>> (Body body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var snapshot = await mediator.Send(
                    new Command(body.DefinitionKey, body.BusinessKey, body.Variables, body.OrganisationCode), cancellationToken);
                return TypedResults.Created($"/api/cases/{snapshot.Id}", snapshot.Adapt<Response>(Mappings.Config));
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("StartCase");
}

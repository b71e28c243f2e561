using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Mapping;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows.Persistence;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Admin;

/// <summary>
/// <c>GET /api/admin/outbox?status=&amp;topic=&amp;caseId=&amp;max=&amp;skip=</c>: the outbox, newest first (README, "Email"): each
/// message's status (<c>pending</c>, <c>sent</c>, <c>failed</c>), attempts, next attempt, the last error, what was sent
/// to whom, and its payload. <c>max</c> 1–1000 (100); <c>skip</c> passes over that many of the newest first (0), for paging.
/// </summary>
internal static class ListOutbox
{
    internal sealed record Query(string? Status, string? Topic, Guid? CaseId, int? Max, int? Skip = null) : IRequest<IReadOnlyList<Item>>, IAdminRequest, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Status is not null && !OutboxStatus.All.Contains(Status))
            {
                errors["status"] = [$"'{Status}' is not an outbox status: {string.Join(", ", OutboxStatus.All)}."];
            }

            if (Max is < 1 or > 1000)
            {
                errors["max"] = ["max is from 1 to 1000."];
            }

            if (Skip is < 0)
            {
                errors["skip"] = ["skip is 0 or more."];
            }

            return errors;
        }
    }

    internal sealed record Item(Guid Id, string Topic, string Status, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt,
        string? LastError, string? Result, Guid? CaseId, string? ElementId, string? DedupeKey, DateTimeOffset CreatedAt, JsonNode? Payload);

    internal sealed class Mapping : IRegister
    {
        public void Register(TypeAdapterConfig config) =>
            config.NewConfig<OutboxMessage, Item>()
                .Map(item => item.CaseId, message => message.InstanceId)
                .Map(item => item.Payload, message => JsonNode.Parse(message.PayloadJson, null, default));
    }

    internal sealed class Handler(IOutboxStore outbox) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken) =>
            (await outbox.QueryOutboxAsync(new OutboxQuery { Status = request.Status, Topic = request.Topic, InstanceId = request.CaseId, Max = request.Max ?? 100,
                    Skip = request.Skip ?? 0 },
                cancellationToken)).Adapt<List<Item>>(Mappings.Config);
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/outbox", async Task<Ok<IReadOnlyList<Item>>> (string? status, string? topic, Guid? caseId, int? max, int? skip, IMediator mediator,
                CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(status, topic, caseId, max, skip), cancellationToken)))
            .ProducesValidationProblem()
            .WithName("ListOutbox")
            .WithDescription($"status: {string.Join(" | ", OutboxStatus.All)}.");
}

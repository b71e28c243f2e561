using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Forms;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Forms;

/// <summary><c>GET /api/forms</c>: the latest version of every form, by id. Any signed-in user: forms hold no case data.</summary>
internal static class ListForms
{
    internal sealed record Query : IRequest<IReadOnlyList<Item>>, ISignedInRequest;

    internal sealed record Item(string Id, int Version, string SavedBy, DateTimeOffset SavedAt);

    internal sealed class Handler(FormStore forms) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken) =>
            [.. (await forms.ListLatestAsync(cancellationToken)).Select(f => new Item(f.FormId, f.Version, f.SavedBy, f.SavedAt))];
    }

    public static void Map(IEndpointRouteBuilder forms) =>
        forms.MapGet("/", async Task<Ok<IReadOnlyList<Item>>> (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(), cancellationToken)))
            .WithName("ListForms");
}

using MediatR;
using Microsoft.AspNetCore.Http;

namespace Brands.Architecture.Tests.Fixtures;

/// <summary>Types that leak a forbidden dependency through their signatures, so the scanner is seen to catch it.</summary>
public static class LeakyTypes
{
    public sealed class EndpointTakingAnHttpContext
    {
        public static string Handle(HttpContext context) => context.TraceIdentifier;
    }

    public sealed class HandlerHoldingAMediator(IMediator mediator)
    {
        public IMediator Mediator { get; } = mediator;
    }

    public sealed class ServiceWithAListOfRequests
    {
        public IReadOnlyList<IRequest<int>> Requests { get; } = [];
    }

    public sealed class CleanService
    {
        public static TimeSpan Wait(TimeProvider clock, DateTimeOffset until) => until - clock.GetUtcNow();
    }
}

using Brands.Host.Infrastructure.Access;
using MediatR;
using Xunit;

namespace Brands.Host.Tests.Features.People;

public sealed class AccessRuleCoverageTests
{
    [Fact]
    public void Every_request_of_the_host_declares_exactly_one_access_rule()
    {
        var requests = typeof(AccessScope).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
            .ToList();
        var rules = typeof(IAccessRule).Assembly.GetTypes().Where(t => t.IsInterface && t != typeof(IAccessRule) && typeof(IAccessRule).IsAssignableFrom(t)).ToList();

        Assert.True(requests.Count >= 15, $"only {requests.Count} requests found");
        Assert.All(requests, request => Assert.True(rules.Count(rule => rule.IsAssignableFrom(request)) == 1,
            $"{request.FullName} implements {rules.Count(rule => rule.IsAssignableFrom(request))} access rules"));
    }
}

using Brands.Host.Infrastructure.Auth;
using Brands.Workflows.Persistence;

namespace Brands.Host.Infrastructure.Access;

/// <summary>What <see cref="AuthorizationBehavior{TRequest, TResponse}"/> found while authorising the current request, for its handler.</summary>
internal sealed class AccessDecision
{
    public InstanceRecord? Case { get; set; }
    public TaskRecord? Task { get; set; }
    /// <summary>Set when a national administrator or a group manager acts on a task someone else holds.</summary>
    public string? OnBehalfOf { get; set; }
    /// <summary>The organisation that will own a case being started.</summary>
    public Organisation? Owner { get; set; }
}

using Brands.Host.Infrastructure.Auth;
using Brands.Workflows;
using Brands.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Workflows;

/// <summary>
/// At deployment, the <c>camunda:property name="ownerOrganisation"</c> of each executable process must name an
/// organisation that exists (README, "Cases started by a message, signal or timer"): a misspelt code would otherwise
/// be noticed only when a trigger starts a case, which then falls to the national office. Read as
/// <see cref="TriggeredStartOwner"/> reads it: the process's first property of that name, trimmed; blank names none.
/// </summary>
internal sealed class OwnerOrganisationCheck(IServiceScopeFactory scopes) : IDeploymentCheck
{
    /// <summary>The problem of a process whose owner is unknown, at the property's line; none otherwise.</summary>
    public async Task<IReadOnlyList<ValidationError>> CheckAsync(DeployingProcess process, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.Properties.GetValueOrDefault(TriggeredStartOwner.PropertyName) is not { } property
            || string.IsNullOrWhiteSpace(property.Value))
        {
            return [];
        }

        var code = property.Value.Trim();
        await using var scope = scopes.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<BrandsIdentityDbContext>();
        if (await identity.Organisations.AnyAsync(o => o.Code == code, cancellationToken))
        {
            return [];
        }

        return [new ValidationError(process.Key, property.Line,
            $"the process property {TriggeredStartOwner.PropertyName} names '{code}', which is no known organisation; "
            + "create the organisation first (POST /api/admin/organisations) or name the code of an existing one")];
    }
}

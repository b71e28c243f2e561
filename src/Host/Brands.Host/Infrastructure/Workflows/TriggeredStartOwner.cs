using Brands.Host.Features.Cases;
using Brands.Host.Infrastructure.Auth;
using Brands.Workflows;
using Brands.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Workflows;

/// <summary>
/// Whom a case started by a message, signal or timer belongs to (README, "Cases started by a message, signal or
/// timer"): the organisation the process names in its <c>camunda:property name="ownerOrganisation"</c>, else the one
/// configured for the process key under <c>StartOwners</c>, else the national office. The case gets that
/// organisation's code and province, as attributes and as the variables <c>organisationCode</c> and <c>province</c>,
/// exactly as a case started by one of its users would. Deployment refuses a process that names an unknown organisation
/// (<see cref="OwnerOrganisationCheck"/>); one that does not exist here all the same (a <c>StartOwners</c> setting, a
/// version deployed before that check) is logged and replaced by the national office, so the case is never left
/// without an owner.
/// </summary>
internal sealed partial class TriggeredStartOwner(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<TriggeredStartOwner> logger)
    : ITriggeredStartAttributes
{
    public const string PropertyName = "ownerOrganisation";
    public const string SectionName = "StartOwners";

    public async Task<CaseAttributes?> ForTriggeredStartAsync(TriggeredStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var named = start.ProcessProperties.GetValueOrDefault(PropertyName) ?? configuration.GetSection(SectionName)[start.DefinitionKey];
        await using var scope = scopes.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<BrandsIdentityDbContext>();
        var code = string.IsNullOrWhiteSpace(named) ? IdentitySeeding.NationalOfficeCode : named.Trim();
        var province = await ProvinceOfAsync(identity, code, cancellationToken);
        if (province is null && code != IdentitySeeding.NationalOfficeCode)
        {
            LogUnknownOwner(start.DefinitionKey, code);
            code = IdentitySeeding.NationalOfficeCode;
            province = await ProvinceOfAsync(identity, code, cancellationToken);
        }

        province ??= Provinces.National;
        start.Variables[CaseVariables.Province] = province;
        start.Variables[CaseVariables.OrganisationCode] = code;
        return new CaseAttributes(code, province);
    }

    private static Task<string?> ProvinceOfAsync(BrandsIdentityDbContext identity, string code, CancellationToken cancellationToken) =>
        identity.Organisations.Where(o => o.Code == code).Select(o => o.Province).FirstOrDefaultAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Process {DefinitionKey} names owner organisation {Code}, which does not exist; its case started by a trigger belongs to the national office.")]
    private partial void LogUnknownOwner(string definitionKey, string code);
}

using System.Text.Json.Nodes;
using Brands.Workflows.Persistence;

namespace Brands.Workflows.Runtime;

/// <summary>Creates a case row and its first token, for a start command or a call activity.</summary>
internal static class CaseStarter
{
    public static async Task<CaseRuntime> CreateAsync(TokenRunner runner, DefinitionRecord definition, string? businessKey,
        JsonObject? variables, (CaseRuntime Case, TokenState Token)? caller, CaseAttributes? attributes = null)
    {
        var context = runner.Context;
        var process = await context.Services.Definitions.GetProcessAsync(definition.Id, runner.CancellationToken);
        var id = Guid.CreateVersion7(context.Now);
        var record = new InstanceRecord
        {
            Id = id,
            DefinitionId = definition.Id,
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            BusinessKey = businessKey,
            Status = InstanceStatus.Active,
            ParentInstanceId = caller?.Case.Id,
            ParentTokenId = caller?.Token.Id,
            RootInstanceId = caller?.Case.Record.RootInstanceId ?? id,
            VariablesJson = (variables ?? []).ToJsonString(),
            StateJson = "{}",
            StartedAt = context.Now,
        };
        // A called case belongs to whoever its caller belongs to.
        var parent = caller?.Case.Record;
        record.OrganisationCode = parent is null ? attributes?.OrganisationCode : parent.OrganisationCode;
        record.Province = parent is null ? attributes?.Province : parent.Province;
        record.CaseType = parent is null ? attributes?.CaseType : parent.CaseType;
        record.Year = parent is null ? attributes?.Year : parent.Year;
        var @case = new CaseRuntime(record, process, isNew: true);
        context.Track(@case);
        context.History(@case, "instance-started", null, new JsonObject
        {
            ["definitionKey"] = definition.Key,
            ["version"] = definition.Version,
            ["businessKey"] = businessKey,
            ["parentCaseId"] = caller?.Case.Id.ToString(),
        });
        var start = process.Body.StartEvents.First();
        var token = @case.AddToken(ScopeKinds.Root, start.Id, TokenStates.Ready);
        runner.Schedule(@case, token, TokenStates.Ready);
        return @case;
    }
}

using System.Text.Json.Nodes;
using Brands.Workflows.Handlers;
using Brands.Workflows.Persistence;

namespace Brands.Workflows.Runtime;

/// <summary>Creates a case row and its first token, for a start command or a call activity.</summary>
internal static class CaseStarter
{
    public static async Task<CaseRuntime> CreateAsync(TokenRunner runner, DefinitionRecord definition, string? businessKey,
        JsonObject? variables, (CaseRuntime Case, TokenState Token)? caller, CaseAttributes? attributes = null,
        string? startEventId = null)
    {
        var context = runner.Context;
        var process = await context.Services.Definitions.GetProcessAsync(definition.Id, runner.CancellationToken);
        var id = Guid.CreateVersion7(context.Now);
        var start = startEventId is null
            ? process.Body.StartEvents.FirstOrDefault(s => s.Trigger is null)
                ?? throw new WorkflowInputException($"Process '{definition.Key}' has no none start event: it starts by its timer, message or signal.")
            : process.Body.StartEvents.First(s => s.Id == startEventId);
        if (start.Initiator is { } initiator && context.UserId is { } user)
        {
            // camunda:initiator: the user whose command started the case (README "The engine").
            variables ??= [];
            variables[initiator] = user;
        }

        if (caller is null && attributes is null && startEventId is not null && context.Services.TriggeredStartAttributes is { } owners)
        {
            variables ??= [];
            attributes = await owners.ForTriggeredStartAsync(
                new TriggeredStart(definition.Key, definition.Version, startEventId, process.Properties, variables), runner.CancellationToken);
        }

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
        // Before the case is tracked: a start listener that fails leaves nothing behind.
        await runner.RunListenersAsync(@case, runner.RootScope(@case), process.ExecutionListeners, Model.ListenerEvents.Start, null);
        context.Track(@case);
        var started = new JsonObject
        {
            ["definitionKey"] = definition.Key,
            ["version"] = definition.Version,
            ["businessKey"] = businessKey,
            ["parentCaseId"] = caller?.Case.Id.ToString(),
        };
        if (startEventId is not null)
        {
            started["startEvent"] = startEventId;
        }

        context.History(@case, "instance-started", null, started);
        var token = @case.AddToken(ScopeKinds.Root, start.Id, TokenStates.Ready);
        runner.ArmEventSubProcesses(@case, ScopeKinds.Root);
        runner.Schedule(@case, token, TokenStates.Ready);
        return @case;
    }
}

using System.Text.Json.Nodes;

namespace Brands.Workflows.Handlers;

/// <summary>
/// A case about to start by its message, signal or timer start event: the process and version, the start event, the
/// process's own <c>camunda:properties</c> (by name), where a BPMN file can say whom its cases belong to, and the
/// variables the case starts with, to which the host may add its own.
/// </summary>
public sealed record TriggeredStart(string DefinitionKey, int DefinitionVersion, string StartEventId,
    IReadOnlyDictionary<string, string> ProcessProperties, JsonObject Variables);

using System.Text.Json.Nodes;

namespace Brands.Workflows.Handlers;

/// <summary>What a service-task handler sees of its case, and how it sets variables.</summary>
public sealed class ServiceTaskContext : StepContext
{
    internal ServiceTaskContext(Guid caseId, string? businessKey, string elementId, string topic,
        Func<string, JsonNode?> read, Action<string, JsonNode?> write, Action<string, string, string?> enqueue)
        : base(caseId, businessKey, elementId, read, write, enqueue)
    {
        Topic = topic;
    }

    /// <summary>The task's element id.</summary>
    public new string ElementId => base.ElementId!;
    public string Topic { get; }
}

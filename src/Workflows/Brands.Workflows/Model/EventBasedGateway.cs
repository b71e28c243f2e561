namespace Brands.Workflows.Model;

/// <summary>
/// Waits for the first of the events that follow it; the other branches are dropped (BPMN 2.0 §13.4.4). Its
/// targets are intermediate catch events and receive tasks with a message.
/// </summary>
public sealed class EventBasedGateway(string id, string? name, int line) : Gateway(id, name, line);

namespace Brands.Workflows.Model;

/// <summary>A <c>camunda:inputParameter</c> or <c>camunda:outputParameter</c>.</summary>
public sealed record InputOutputMapping(string Name, Expression? Value);

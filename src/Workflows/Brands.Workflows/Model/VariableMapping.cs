namespace Brands.Workflows.Model;

/// <summary>A <c>camunda:in</c> or <c>camunda:out</c> mapping of a call activity.</summary>
public sealed record VariableMapping(string? Source, Expression? SourceExpression, string? Target, bool All, bool Local);

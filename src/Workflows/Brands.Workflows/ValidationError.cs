namespace Brands.Workflows;

/// <summary>One problem found in a BPMN file: what, where (element id and line), in plain words.</summary>
public sealed record ValidationError(string? ElementId, int? Line, string Message)
{
    public override string ToString() =>
        $"{(Line is { } l ? $"line {l}: " : "")}{(ElementId is { } id ? $"'{id}': " : "")}{Message}";
}

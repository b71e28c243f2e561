namespace Brands.Workflows.Migration;

/// <summary>One element of the source version and the element of the target version it becomes, both of kind <see cref="Kind"/>.</summary>
public sealed record ElementMapping(string SourceElementId, string TargetElementId, string Kind);

namespace Brands.Workflows.Migration;

/// <summary>
/// An element of the source version where <see cref="WaitingCases"/> running cases wait and that the target version
/// has no compatible element of the same id for; <see cref="Candidates"/> are the target's elements of the same kind.
/// </summary>
public sealed record UnmappedElement(string ElementId, string? Name, string Kind, int WaitingCases, IReadOnlyList<string> Candidates);

namespace Brands.Workflows.Versioning;

/// <summary>
/// One element (flow node, sequence flow, artifact) of a process that was added, removed or changed between two
/// versions. <see cref="Details"/> names what changed on a changed element, e.g.
/// <c>timerEventDefinition/timeCycle: R/P3D → R/P1D</c>.
/// </summary>
public sealed record ElementChange(string ElementId, string Kind, string? Name, ElementChangeKind Change, IReadOnlyList<string> Details);

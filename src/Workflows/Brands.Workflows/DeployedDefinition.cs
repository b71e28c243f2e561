namespace Brands.Workflows;

/// <summary>
/// One definition version touched by a deployment; <c>IsNew</c> is false when identical XML was deployed before
/// and the existing version was returned.
/// </summary>
public sealed record DeployedDefinition(string Id, string Key, int Version, string? Name, bool IsNew);

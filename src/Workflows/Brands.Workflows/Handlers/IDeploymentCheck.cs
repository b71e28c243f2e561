namespace Brands.Workflows.Handlers;

/// <summary>
/// A host's own check of each executable process being deployed, beside the engine's (docs/engine.md, "Who a case belongs to"):
/// say, that a process property names something that exists. Its problems are reported together with the engine's
/// in one <see cref="BpmnValidationException"/>, and nothing is deployed.
/// </summary>
public interface IDeploymentCheck
{
    Task<IReadOnlyList<ValidationError>> CheckAsync(DeployingProcess process, CancellationToken cancellationToken);
}

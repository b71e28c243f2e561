namespace Brands.Workflows.Handlers;

/// <summary>
/// Gives a case started by a trigger — a message, a signal or a timer start event, with no command that names whom
/// it belongs to — its <see cref="CaseAttributes"/> (docs/engine.md, "Who a case belongs to"). The engine asks it once
/// per such case, before the case's first step; what it answers is stored on the case as a start command's attributes
/// are. Without one, such a case has none.
/// </summary>
public interface ITriggeredStartAttributes
{
    Task<CaseAttributes?> ForTriggeredStartAsync(TriggeredStart start, CancellationToken cancellationToken);
}

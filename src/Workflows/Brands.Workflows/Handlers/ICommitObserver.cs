namespace Brands.Workflows.Handlers;

/// <summary>
/// Sees what a command is about to commit — the human tasks it created and those it gave a new assignee — and may add
/// outbox messages to the same commit (docs/engine.md, "Outbox"), e.g. to tell people a task is waiting for them.
/// Register implementations with <c>services.AddCommitObserver&lt;T&gt;()</c>.
/// </summary>
/// <remarks>
/// Called once per attempt of a command, after its steps ran and before the store writes them: a command re-run after a
/// conflict calls it again on fresh state, and only the attempt that commits leaves its messages. It must be quick and
/// must not call out (no database, no network): an exception fails the command, nothing written.
/// </remarks>
public interface ICommitObserver
{
    void BeforeCommit(PendingCommit commit);
}

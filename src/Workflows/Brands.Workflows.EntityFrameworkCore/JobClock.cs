namespace Brands.Workflows.EntityFrameworkCore;

/// <summary>Whose clock judges whether a job is due and whether its lease has lapsed (see README, "Jobs").</summary>
public enum JobClock
{
    /// <summary>
    /// PostgreSQL's <c>now()</c>, one clock for every node: a node whose clock is off neither fires early nor starves.
    /// SQLite has one node, so it always uses the caller's.
    /// </summary>
    Database,

    /// <summary>The instant the engine passes in (its <see cref="TimeProvider"/>): for tests that move the clock.</summary>
    Caller,
}

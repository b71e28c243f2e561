namespace Brands.Workflows.Persistence;

/// <summary>
/// A job's commit was refused because this node no longer holds the job's lock: its lease lapsed and another node
/// took the job, or the job is gone (see <see cref="ChangeSet.JobLockGuards"/>). Nothing was written; the node that
/// holds the job now runs it. Not a conflict to retry: running the command again would be refused again.
/// </summary>
public sealed class JobLockLostException(string message) : Exception(message);

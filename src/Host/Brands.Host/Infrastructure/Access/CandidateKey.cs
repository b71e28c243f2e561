namespace Brands.Host.Infrastructure.Access;

/// <summary>One row of <c>wf_task_candidates</c> as <see cref="CandidateTasks"/> reads it: the task and its list keys.</summary>
internal sealed record CandidateKey(Guid TaskId, bool Undated, DateTimeOffset? DueAt, DateTimeOffset CreatedAt);

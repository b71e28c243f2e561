using System.Text.Json.Nodes;
using Brands.Workflows.Persistence;

namespace Brands.Workflows.Handlers;

/// <summary>What an <see cref="ICommitObserver"/> sees of a command about to commit, and how it adds outbox messages to it.</summary>
public sealed class PendingCommit
{
    private readonly Action<Guid?, string?, string, string, string?> _enqueue;

    internal PendingCommit(string? userId, IReadOnlyList<TaskRecord> createdTasks, IReadOnlyList<TaskRecord> assignedTasks,
        Action<Guid?, string?, string, string, string?> enqueue)
    {
        UserId = userId;
        CreatedTasks = createdTasks;
        AssignedTasks = assignedTasks;
        _enqueue = enqueue;
    }

    /// <summary>Who ran the command; null for the engine itself (a timer, a job).</summary>
    public string? UserId { get; }

    /// <summary>Open human tasks the command created (copies: changing them changes nothing).</summary>
    public IReadOnlyList<TaskRecord> CreatedTasks { get; }

    /// <summary>Open human tasks that existed before and were given a new assignee (claimed or assigned), as they stand now (copies).</summary>
    public IReadOnlyList<TaskRecord> AssignedTasks { get; }

    /// <summary>As <see cref="StepContext.EnqueueOutbox"/>, for the case <paramref name="caseId"/> (null: none) and element.</summary>
    public void EnqueueOutbox(Guid? caseId, string? elementId, string topic, JsonNode payload, string? dedupeKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(payload);
        _enqueue(caseId, elementId, topic, payload.ToJsonString(), dedupeKey);
    }
}

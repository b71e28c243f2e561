namespace Brands.Host.Infrastructure.Audit;

/// <summary>One row of the audit log: a sign-in attempt or an administrative action, and how it ended.</summary>
internal sealed class AuditEntry
{
    public long Id { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>Who acted: the signed-in user, or for a sign-in the name that was tried.</summary>
    public string? UserName { get; init; }
    /// <summary><see cref="AuditActions.SignIn"/>, or the name of the request (<c>CreateUser</c>, <c>AssignTask</c>, …).</summary>
    public required string Action { get; init; }
    /// <summary><c>succeeded</c>, or <c>refused 400: …</c>, <c>failed: …</c>, <c>throttled: …</c>.</summary>
    public required string Outcome { get; init; }
    /// <summary>The client's address (after trusted proxies).</summary>
    public string? Client { get; init; }
    /// <summary>What was acted on, e.g. <c>task:…</c>, <c>case:…</c>, <c>job:…</c>.</summary>
    public string? Target { get; init; }
    /// <summary>The assignee a national administrator or manager acted for.</summary>
    public string? OnBehalfOf { get; init; }
    /// <summary>The request's plain fields (never passwords or documents).</summary>
    public string? Detail { get; init; }
}

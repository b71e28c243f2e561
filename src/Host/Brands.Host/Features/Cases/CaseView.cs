using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Documents;

namespace Brands.Host.Features.Cases;

/// <summary>Everything the case view shows (README "Case view"), as <c>GET /api/cases/{id}/view</c> returns it and the page renders it.</summary>
internal sealed record CaseView(
    Guid Id,
    string DefinitionKey,
    int DefinitionVersion,
    string? ProcessName,
    string? BusinessKey,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? OrganisationCode,
    string? Province,
    IReadOnlyList<CaseView.Wait> WaitingFor,
    IReadOnlyList<CaseView.Variable> Variables,
    IReadOnlyList<DocumentSummary> Documents,
    CaseView.RelatedCase? Parent,
    IReadOnlyList<CaseView.RelatedCase> Children,
    IReadOnlyList<CaseView.TimelineEntry> History,
    CaseView.DiagramState Diagram)
{
    /// <summary>
    /// Something the case waits for. <c>kind</c>: <c>task</c> (a person), <c>timer</c> (a due time), <c>message</c> or
    /// <c>signal</c> (a subscription), <c>called-case</c> (a case it called), <c>incident</c> (an administrator).
    /// </summary>
    internal sealed record Wait(string Kind, string ElementId, string? ElementName, string? Name, DateTimeOffset? DueAt,
        string? Assignee, IReadOnlyList<string> CandidateGroups, Guid? TaskId, Guid? CaseId);

    /// <summary>A case variable: its value, and the value as text a person can read.</summary>
    internal sealed record Variable(string Name, string Text, JsonNode? Value);

    /// <summary>The case that called this one, or one this case called (through <c>calledFrom</c>, a call activity).</summary>
    internal sealed record RelatedCase(Guid Id, string DefinitionKey, string? BusinessKey, string Status, string? CalledFrom);

    /// <summary>One history entry: when, what, where, who, and for whom when someone acted on another's behalf.</summary>
    internal sealed record TimelineEntry(long Sequence, DateTimeOffset At, string Kind, string? ElementId, string? ElementName,
        string? UserId, string? OnBehalfOf, string? Summary);

    /// <summary>Where the diagram's XML is, and what to mark on it: the elements the case is in now, and those it has left.</summary>
    internal sealed record DiagramState(string XmlUrl, IReadOnlyList<string> ActiveElementIds, IReadOnlyList<string> CompletedElementIds);
}

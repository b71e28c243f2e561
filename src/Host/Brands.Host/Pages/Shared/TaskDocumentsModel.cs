using Brands.Host.Infrastructure.Documents;

namespace Brands.Host.Pages.Shared;

/// <summary>
/// What the <c>_TaskDocuments</c> partial shows: a task's documents and a form to attach another, which comes back
/// to <paramref name="ReturnUrl"/> (a path of this site). Build it from <c>GET /api/cases/{id}/documents</c> (or
/// <c>ListCaseDocuments.Query</c>) filtered by <c>TaskId</c>.
/// </summary>
internal sealed record TaskDocumentsModel(Guid TaskId, IReadOnlyList<DocumentSummary> Documents, string ReturnUrl);

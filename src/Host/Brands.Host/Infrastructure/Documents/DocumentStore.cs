using System.Security.Cryptography;
using Brands.Host.Infrastructure.Mapping;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Documents;

/// <summary>Stores and reads documents; who may do so is decided before (the access rules of the requests).</summary>
internal sealed class DocumentStore(DocumentsDbContext db, TimeProvider time)
{
    public async Task<DocumentSummary> AddAsync(Guid caseId, Guid? taskId, string fileName, DocumentKind kind, byte[] content, string uploadedBy,
        CancellationToken cancellationToken)
    {
        var document = new StoredDocument
        {
            Id = Guid.NewGuid(),
            CaseId = caseId,
            TaskId = taskId,
            FileName = fileName,
            ContentType = kind.ContentType,
            SizeBytes = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedBy = uploadedBy,
            UploadedAt = time.GetUtcNow(),
        };
        db.Documents.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return document.Adapt<DocumentSummary>(Mappings.Config);
    }

    /// <summary>The documents of a case and of its tasks, oldest first, without their content.</summary>
    public async Task<IReadOnlyList<DocumentSummary>> ListForCaseAsync(Guid caseId, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking()
            .Where(d => d.CaseId == caseId)
            .OrderBy(d => d.UploadedAt)
            .ProjectToType<DocumentSummary>(Mappings.Config)
            .ToListAsync(cancellationToken);

    public Task<StoredDocument?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>The case a document belongs to, read without its content; null when there is no such document.</summary>
    public async Task<Guid?> CaseIdOfAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => (Guid?)d.CaseId).FirstOrDefaultAsync(cancellationToken);
}

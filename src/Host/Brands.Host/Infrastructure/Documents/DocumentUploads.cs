using Brands.Host.Infrastructure.Api;
using Brands.Host.Infrastructure.Mediation;
using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Documents;

/// <summary>
/// Takes an upload the caller was allowed to make: reads it (only now, after the access check, so a stranger's
/// bytes are never read), checks its size and its content, and stores it. A refused file stores nothing.
/// </summary>
internal sealed class DocumentUploads(DocumentStore store, IOptions<DocumentOptions> options)
{
    public long MaxBytes => options.Value.MaxBytes;

    public async Task<DocumentSummary> StoreAsync(Guid caseId, Guid? taskId, Func<long, CancellationToken, Task<UploadedFile>> read, string uploadedBy,
        CancellationToken cancellationToken)
    {
        var file = await read(MaxBytes, cancellationToken);
        if (file.Content.LongLength > MaxBytes)
        {
            throw new RequestBodyTooLargeException(MaxBytes);
        }

        var name = DocumentFileName.Clean(file.FileName);
        var kind = DocumentContentCheck.Identify(file.Content, name, out var refusal)
            ?? throw new RequestValidationException(new Dictionary<string, string[]> { [UploadReader.FieldName] = [refusal!] });
        return await store.AddAsync(caseId, taskId, name, kind, file.Content, uploadedBy, cancellationToken);
    }
}

using System.Text.Json.Nodes;
using Brands.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Forms;

/// <summary>Reads and saves form versions: saving a schema equal to the latest keeps its version, any change adds one.</summary>
internal sealed class FormStore(FormsDbContext db, TimeProvider time)
{
    public Task<StoredForm?> FindLatestAsync(string formId, CancellationToken cancellationToken) =>
        db.Forms.AsNoTracking().Where(f => f.FormId == formId).OrderByDescending(f => f.Version).FirstOrDefaultAsync(cancellationToken);

    public Task<StoredForm?> FindVersionAsync(string formId, int version, CancellationToken cancellationToken) =>
        db.Forms.AsNoTracking().FirstOrDefaultAsync(f => f.FormId == formId && f.Version == version, cancellationToken);

    public async Task<IReadOnlyList<StoredForm>> ListLatestAsync(CancellationToken cancellationToken) =>
        await db.Forms.AsNoTracking()
            .Where(f => f.Version == db.Forms.Where(g => g.FormId == f.FormId).Max(g => g.Version))
            .OrderBy(f => f.FormId)
            .ToListAsync(cancellationToken);

    /// <summary>Saves <paramref name="schema"/> (already checked by <see cref="FormSchemaCheck"/>); returns the version and whether it is new.</summary>
    public async Task<(StoredForm Form, bool Created)> SaveAsync(string formId, JsonObject schema, string savedBy, CancellationToken cancellationToken)
    {
        var latest = await FindLatestAsync(formId, cancellationToken);
        if (latest is not null && JsonNode.DeepEquals(JsonNode.Parse(latest.SchemaJson), schema))
        {
            return (latest, false);
        }

        var form = new StoredForm
        {
            FormId = formId,
            Version = (latest?.Version ?? 0) + 1,
            SchemaJson = schema.ToJsonString(),
            SavedBy = savedBy,
            SavedAt = time.GetUtcNow(),
        };
        db.Forms.Add(form);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new WorkflowConflictException($"Form '{formId}' was saved by someone else at the same time as version {form.Version}; reload it and save again.");
        }

        return (form, true);
    }
}

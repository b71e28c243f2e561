using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Calendar;

/// <summary>Business calendars in the host's database, and this node's copy of them (<see cref="BusinessCalendars"/>).</summary>
internal sealed class CalendarStore(IDbContextFactory<CalendarDbContext> contexts, BusinessCalendars calendars, TimeProvider time)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public async Task<BusinessCalendarRow?> FindAsync(int year, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Calendars.AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, cancellationToken);
    }

    /// <summary>Stores <paramref name="document"/> as its year's calendar (replacing any) and reloads this node's copy.</summary>
    public async Task<BusinessCalendarRow> SaveAsync(CalendarDocument document, string? user, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.Calendars.FirstOrDefaultAsync(r => r.Year == document.Year, cancellationToken);
            if (row is null)
            {
                row = new BusinessCalendarRow { Year = document.Year };
                db.Calendars.Add(row);
            }

            row.Document = JsonSerializer.Serialize(document, Json);
            row.UpdatedAt = time.GetUtcNow();
            row.UpdatedBy = user;
            await db.SaveChangesAsync(cancellationToken);
        }

        await ReloadAsync(cancellationToken);
        return (await FindAsync(document.Year, cancellationToken))!;
    }

    /// <summary>Stores the shipped documents whose year is not stored yet: an administrator's edit is never overwritten.</summary>
    public async Task SeedAsync(IEnumerable<CalendarDocument> shipped, CancellationToken cancellationToken)
    {
        foreach (var document in shipped)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.Calendars.AnyAsync(r => r.Year == document.Year, cancellationToken))
            {
                continue;
            }

            db.Calendars.Add(new BusinessCalendarRow
            {
                Year = document.Year, Document = JsonSerializer.Serialize(document, Json), UpdatedAt = time.GetUtcNow(), UpdatedBy = null,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node starting at the same moment stored the year first.
            }
        }
    }

    /// <summary>Reads every stored year into this node's copy.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Calendars.AsNoTracking().ToListAsync(cancellationToken);
        calendars.Replace(rows.Select(r => JsonSerializer.Deserialize<CalendarDocument>(r.Document, Json)!));
    }
}

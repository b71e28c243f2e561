using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Calendar;

/// <summary>
/// At start-up, stores the shipped calendars (<c>workflows/calendars/*.json</c>, copied beside the host) for years the
/// database does not hold yet and loads every stored year; then reloads them every
/// <see cref="CalendarOptions.RefreshInterval"/>, so an administrator's edit on one node reaches the others.
/// </summary>
internal sealed class CalendarSync(CalendarStore store, IOptions<CalendarOptions> options, TimeProvider time, ILogger<CalendarSync> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var shipped = ReadShipped(options.Value.Folder);
        await store.SeedAsync(shipped, cancellationToken);
        await store.ReloadAsync(cancellationToken);
        logger.LogInformation("Business calendars loaded; shipped years: {Years}", string.Join(", ", shipped.Select(d => d.Year)));
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.RefreshInterval, time, stoppingToken);
                await store.ReloadAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Reloading the business calendars failed; keeping the ones loaded");
            }
        }
    }

    /// <summary>The calendar files of <paramref name="folder"/>; a file that is not a valid calendar stops start-up, naming it.</summary>
    internal static IReadOnlyList<CalendarDocument> ReadShipped(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var documents = new List<CalendarDocument>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var document = JsonSerializer.Deserialize<CalendarDocument>(File.ReadAllText(file), CalendarStore.Json)
                ?? throw new InvalidOperationException($"The calendar {file} is empty.");
            var errors = document.Validate(document.Year);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"The calendar {file} is not valid: {string.Join(" ", errors.SelectMany(e => e.Value))}");
            }

            documents.Add(document);
        }

        return documents;
    }
}

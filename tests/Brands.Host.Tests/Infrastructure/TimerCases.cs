using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>Cases of Features/Jobs/timer-at-date.bpmn, which wait until the instant they are given, on any host.</summary>
public static class TimerCases
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A client of <paramref name="factory"/> signed in as the seeded administrator.</summary>
    public static async Task<HttpClient> AdminAsync(BrandsHostFactory factory)
    {
        var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = BrandsHostFactory.AdminPassword }, Cancel);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (string)(await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["accessToken"]!);
        return client;
    }

    public static async Task DeployAsync(HttpClient admin)
    {
        using var deployed = await admin.DeployAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Jobs", "timer-at-date.bpmn")));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(Cancel));
    }

    /// <summary>Starts a case whose timer is due at <paramref name="dueAt"/> (by the real clock) and returns its id.</summary>
    public static async Task<Guid> StartAsync(HttpClient admin, DateTimeOffset dueAt)
    {
        using var started = await admin.PostAsJsonAsync("/api/cases", new
        {
            definitionKey = "timer-at-date",
            variables = new { dueAt = dueAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) },
        }, Cancel);
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync(Cancel));
        return (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!;
    }

    public static async Task<string?> StatusAsync(HttpClient admin, Guid caseId) =>
        (string?)(await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", Cancel))!["status"];

    /// <summary>How many times the case's timer fired, from its history.</summary>
    public static async Task<int> FiringsAsync(HttpClient admin, Guid caseId) =>
        (await admin.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/history", Cancel))!.Count(e => (string?)e!["kind"] == "timer-fired");

    /// <summary>Waits until the case completed; returns the real time it was first seen completed.</summary>
    public static async Task<DateTimeOffset> CompletedAsync(HttpClient admin, Guid caseId, TimeSpan patience)
    {
        await Eventually.TrueAsync(async () => await StatusAsync(admin, caseId) == "completed", patience, $"case {caseId} to complete");
        return TimeProvider.System.GetUtcNow();
    }
}

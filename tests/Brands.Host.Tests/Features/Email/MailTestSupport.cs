using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MimeKit;
using Xunit;

namespace Brands.Host.Tests.Features.Email;

/// <summary>Reading delivered mail and the outbox the way the tests of this folder need.</summary>
internal static class MailTestSupport
{
    public static string Bpmn(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Email", fileName), Encoding.UTF8);

    public static bool IsTo(this MimeMessage message, string address) =>
        message.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase));

    public static string Text(this MimeMessage message) => message.TextBody ?? "";

    /// <summary>Polls <c>GET /api/admin/outbox?caseId=</c> until its one message satisfies <paramref name="done"/>; returns it.</summary>
    public static async Task<JsonObject> WaitForOutboxAsync(HttpClient admin, Guid caseId, Func<JsonObject, bool> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var rows = (await admin.GetFromJsonAsync<JsonArray>($"/api/admin/outbox?caseId={caseId}"))!;
            var row = rows.Count == 1 ? rows[0]!.AsObject() : null;
            if (row is not null && done(row))
            {
                return row;
            }

            if (DateTime.UtcNow >= deadline)
            {
                var all = await admin.GetStringAsync("/api/admin/outbox") + " jobs: " + await admin.GetStringAsync($"/api/admin/jobs?caseId={caseId}");
                Assert.Fail($"the outbox of case {caseId} did not get there: {rows.ToJsonString()}; the whole outbox: {all}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Starts a case through the API as the signed-in user of <paramref name="client"/>; returns its id.</summary>
    public static async Task<Guid> StartAsync(HttpClient client, string definitionKey, string businessKey, object variables)
    {
        using var started = await client.PostAsJsonAsync("/api/cases", new { definitionKey, businessKey, variables });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        return (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public static async Task DeployAsync(HttpClient admin, string fileName)
    {
        using var deployed = await admin.PostAsync("/api/definitions", new StringContent(Bpmn(fileName), Encoding.UTF8, "application/xml"));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
    }
}

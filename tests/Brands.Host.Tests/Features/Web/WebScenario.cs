using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Web;

/// <summary>
/// The people of <see cref="Infrastructure.People"/> and the two-step review of web-review.bpmn (a form with a
/// required score of 0–100), whose first task goes to the provincial reviewers of the case's province.
/// </summary>
public static partial class WebScenario
{
    public static async Task PrepareAsync(HostFixture host)
    {
        await Infrastructure.People.ProvisionAsync(host);
        using var admin = await host.CreateAdminClientAsync();
        await admin.SaveFormAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Web", "web-review-form.json")));
        using var deployed = await admin.DeployAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Web", "web-review.bpmn")));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
    }

    /// <summary>As <paramref name="applicant"/>, starts a review and returns the case and its first task.</summary>
    public static async Task<(Guid CaseId, Guid TaskId)> StartAsync(HostFixture host, string applicant, string businessKey, string? applicantName = null)
    {
        using var client = await host.CreateClientAsync(applicant, Infrastructure.People.Password);
        using var started = await client.PostAsJsonAsync("/api/cases", new
        {
            definitionKey = "web-review",
            businessKey,
            variables = new { applicantName = applicantName ?? businessKey + " 申请人" },
        });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var caseId = (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var tasks = await client.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}");
        return (caseId, (Guid)Assert.Single(tasks!)!["id"]!);
    }

    /// <summary>The task ids listed on an inbox page, in order.</summary>
    public static IReadOnlyList<Guid> TaskIds(string html) =>
        [.. TaskRow().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value))];

    /// <summary>The open tasks of a case, through the API as the administrator.</summary>
    public static async Task<JsonArray> OpenTasksAsync(HostFixture host, Guid caseId)
    {
        using var admin = await host.CreateAdminClientAsync();
        return (await admin.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}"))!;
    }

    [GeneratedRegex("data-task-id=\"([0-9a-f-]{36})\"")]
    private static partial Regex TaskRow();
}

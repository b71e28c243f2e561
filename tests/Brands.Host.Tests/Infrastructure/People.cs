using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>
/// Organisations and users of two provinces, provisioned through the admin API as a script would: the Zhejiang and
/// Jiangsu offices (an administrator and reviewers each) and three applicants (two in Zhejiang, one in Jiangsu).
/// Idempotent, so the tests of one class may each call it.
/// </summary>
public static class People
{
    public const string Password = "People-Pass-1!";

    public static async Task ProvisionAsync(HostFixture host)
    {
        using var admin = await host.CreateAdminClientAsync();
        await OrganisationAsync(admin, "ZJ-OFFICE", "浙江省知识产权局", "provincial-office", "ZJ");
        await OrganisationAsync(admin, "JS-OFFICE", "江苏省知识产权局", "provincial-office", "JS");
        await OrganisationAsync(admin, "ZJ-TEA", "杭州茶叶有限公司", "enterprise", "ZJ");
        await OrganisationAsync(admin, "ZJ-SILK", "湖州丝绸有限公司", "enterprise", "ZJ");
        await OrganisationAsync(admin, "JS-RICE", "苏州大米有限公司", "enterprise", "JS");
        await UserAsync(admin, "zj-admin", "ZJ-OFFICE", "provincial-admin");
        await UserAsync(admin, "zj-reviewer", "ZJ-OFFICE", "provincial-reviewer");
        await UserAsync(admin, "zj-reviewer2", "ZJ-OFFICE", "provincial-reviewer");
        await UserAsync(admin, "js-admin", "JS-OFFICE", "provincial-admin");
        await UserAsync(admin, "js-reviewer", "JS-OFFICE", "provincial-reviewer");
        await UserAsync(admin, "zj-tea", "ZJ-TEA", "applicant");
        await UserAsync(admin, "zj-silk", "ZJ-SILK", "applicant");
        await UserAsync(admin, "js-rice", "JS-RICE", "applicant");
        using var deployed = await admin.DeployAsync(Api.Bpmn("provincial-review.bpmn"));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
    }

    /// <summary>As <paramref name="applicant"/>, starts a provincial review and returns the case and its task.</summary>
    public static async Task<(Guid CaseId, Guid TaskId)> StartReviewAsync(HostFixture host, string applicant, string businessKey)
    {
        using var client = await host.CreateClientAsync(applicant, Password);
        using var started = await client.PostAsJsonAsync("/api/cases",
            new { definitionKey = "provincial-review", businessKey, variables = new { applicantName = $"{businessKey} applicant" } });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var caseId = (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var tasks = await client.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}");
        return (caseId, (Guid)Assert.Single(tasks!)!["id"]!);
    }

    private static async Task OrganisationAsync(HttpClient admin, string code, string name, string kind, string province)
    {
        using var response = await admin.PostAsJsonAsync("/api/admin/organisations", new { code, name, kind, province });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
    }

    private static async Task UserAsync(HttpClient admin, string userName, string organisationCode, string role)
    {
        using var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName, password = Password, displayName = userName, email = $"{userName}@example.cn", organisationCode, roles = new[] { role },
        });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
    }
}

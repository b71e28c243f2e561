namespace Brands.Bench.Inbox;

/// <summary>
/// Provisions through the API what the generated tasks refer to: per province a provincial office with a reviewer and
/// an enterprise, the review process, and one real case per province started by the host (the template rows the
/// generator copies).
/// </summary>
internal static class InboxSeeder
{
    public const string Password = "Bench-Passw0rd!";
    public const string TemplatePrefix = "INBOX-TEMPLATE-";

    private static readonly string[] ReviewerRoles = ["provincial-reviewer"];

    public static async Task SeedAsync(HostApi api, string adminPassword)
    {
        using var admin = await api.SignInWithTokenAsync("admin", adminPassword);
        foreach (var province in Provinces.Codes)
        {
            await HostApi.PostAsync(admin, "/api/admin/organisations",
                new { code = "PO-" + province, name = province + " 知识产权局", kind = "provincial-office", province });
            await HostApi.PostAsync(admin, "/api/admin/organisations",
                new { code = "ENT-" + province, name = province + " 示范企业", kind = "enterprise", province });
            await HostApi.PostAsync(admin, "/api/admin/users", new
            {
                userName = Provinces.Reviewer(province),
                password = Password,
                displayName = province + " 审核员",
                email = Provinces.Reviewer(province) + "@example.cn",
                organisationCode = "PO-" + province,
                roles = ReviewerRoles,
                groups = Array.Empty<string>(),
            });
        }

        await HostApi.DeployAsync(admin, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "review.bpmn")));
        foreach (var province in Provinces.Codes)
        {
            await HostApi.PostAsync(admin, "/api/cases", new
            {
                definitionKey = "inboxBench",
                businessKey = TemplatePrefix + province,
                organisationCode = "ENT-" + province,
                variables = new { reviewGroup = "provincial-reviewer:" + province, applicantName = province + " 示范企业" },
            });
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Documents;

/// <summary>The upload forms of the case view page and of <c>_TaskDocuments</c>: they carry an antiforgery token, and a post without it is refused.</summary>
public abstract partial class PageUploadTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await Infrastructure.People.ProvisionAsync(host);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex("""<form [^>]*class="(?<class>case-upload|task-upload)"[^>]*>.*?<input name="__RequestVerificationToken" type="hidden" value="(?<token>[^"]+)" """, RegexOptions.Singleline)]
    private static partial Regex UploadForm();

    [Fact]
    public async Task The_task_upload_form_on_the_case_page_attaches_the_file_to_the_task_and_comes_back_to_the_page()
    {
        var (caseId, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-PAGE-1");
        using var reviewer = await BrowserLikeClient.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);
        var html = await reviewer.GetStringAsync($"/cases/{caseId}", Cancel);
        var forms = UploadForm().Matches(html).ToDictionary(m => m.Groups["class"].Value, m => m.Groups["token"].Value);
        Assert.Equal(["case-upload", "task-upload"], forms.Keys.Order(StringComparer.Ordinal));

        using var posted = await reviewer.PostAsync("/documents/upload", Form(forms["task-upload"], ("taskId", taskId.ToString()), ("returnUrl", $"/cases/{caseId}")), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/cases/{caseId}", posted.Headers.Location?.OriginalString);
        var after = await reviewer.GetStringAsync($"/cases/{caseId}", Cancel);
        Assert.Contains("已上传: 审查意见.pdf", after, StringComparison.Ordinal);
        using var api = await host.CreateClientAsync("zj-reviewer", Infrastructure.People.Password);
        var listed = Assert.Single((await api.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/documents", Cancel))!)!;
        Assert.Equal(taskId, (Guid)listed["taskId"]!);
    }

    [Fact]
    public async Task A_page_upload_of_a_disguised_executable_comes_back_with_the_reason_and_stores_nothing()
    {
        var (caseId, _) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-PAGE-2");
        using var applicant = await BrowserLikeClient.SignInAsync(host, "zj-tea", Infrastructure.People.Password);
        var token = UploadForm().Matches(await applicant.GetStringAsync($"/cases/{caseId}", Cancel)).First().Groups["token"].Value;

        using var posted = await applicant.PostAsync("/documents/upload",
            Form(token, SampleFiles.WindowsExecutable(), ("caseId", caseId.ToString()), ("returnUrl", $"/cases/{caseId}")), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await applicant.GetStringAsync($"/cases/{caseId}", Cancel);
        Assert.Contains("文件被拒绝: The file&#x27;s content is a Windows executable", after, StringComparison.Ordinal);
        Assert.Contains("暂无文件。", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_upload_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        var (caseId, _) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-PAGE-3");
        using var applicant = await BrowserLikeClient.SignInAsync(host, "zj-tea", Infrastructure.People.Password);

        using var page = await applicant.PostAsync("/documents/upload", Form(null, ("caseId", caseId.ToString())), Cancel);
        using var api = await applicant.PostAsync($"/api/cases/{caseId}/documents", SampleFiles.Upload(SampleFiles.Pdf(), "forged.pdf"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var problem = await api.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["__RequestVerificationToken"]);
        using var owner = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        Assert.Empty((await owner.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/documents", Cancel))!);
    }

    private static MultipartFormDataContent Form(string? token, params (string Name, string Value)[] fields) =>
        Form(token, SampleFiles.Pdf(), fields);

    private static MultipartFormDataContent Form(string? token, byte[] file, params (string Name, string Value)[] fields)
    {
        var form = SampleFiles.Upload(file, "审查意见.pdf");
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }
}

public sealed class PageUploadTestsOnSqlite(SqliteHostFixture host) : PageUploadTests<SqliteHostFixture>(host);

public sealed class PageUploadTestsOnPostgreSql(PostgresHostFixture host) : PageUploadTests<PostgresHostFixture>(host);

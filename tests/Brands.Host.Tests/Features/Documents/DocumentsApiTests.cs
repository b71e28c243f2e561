using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Documents;

/// <summary>Uploads to a case and to a task, type checked by content, size-limited, and downloadable only by those who may see the case (README "Documents").</summary>
public abstract class DocumentsApiTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await Infrastructure.People.ProvisionAsync(host);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("pdf", "申报书.pdf", "application/pdf")]
    [InlineData("png", "商标图样.png", "image/png")]
    [InlineData("docx", "情况说明.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task An_allowed_file_is_stored_listed_and_downloaded_byte_for_byte_with_the_type_found_in_its_content(string kind, string fileName, string contentType)
    {
        var (caseId, _) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", $"2026-ZJ-DOC-{kind}");
        using var applicant = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        var content = Content(kind);

        // The browser's claimed type is ignored: the content decides.
        using var uploaded = await applicant.PostAsync($"/api/cases/{caseId}/documents", SampleFiles.Upload(content, fileName, "application/octet-stream"), Cancel);

        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync(Cancel));
        var stored = (await uploaded.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        Assert.Equal(fileName, (string?)stored["fileName"]);
        Assert.Equal(contentType, (string?)stored["contentType"]);
        Assert.Equal(content.Length, (long)stored["sizeBytes"]!);
        Assert.Equal("zj-tea", (string?)stored["uploadedBy"]);

        using var reviewer = await host.CreateClientAsync("zj-reviewer", Infrastructure.People.Password);
        var listed = (await reviewer.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/documents", Cancel))!;
        Assert.Equal((string?)stored["id"], (string?)Assert.Single(listed)!["id"]);
        using var downloaded = await reviewer.GetAsync((string)stored["downloadUrl"]!, Cancel);
        Assert.Equal(HttpStatusCode.OK, downloaded.StatusCode);
        Assert.Equal(content, await downloaded.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(contentType, downloaded.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", downloaded.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, downloaded.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", downloaded.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("windows", "x.pdf", "Windows executable")]
    [InlineData("linux", "report.png", "Linux executable (ELF)")]
    [InlineData("zip", "letter.docx", "not an Office document")]
    [InlineData("empty", "empty.pdf", "The file is empty.")]
    public async Task A_file_whose_content_is_not_an_allowed_kind_is_a_400_naming_why_and_stores_nothing(string kind, string fileName, string reason)
    {
        var (caseId, _) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", $"2026-ZJ-BAD-{kind}");
        using var applicant = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        var before = await host.CountRowsAsync();

        using var refused = await applicant.PostAsync($"/api/cases/{caseId}/documents", SampleFiles.Upload(Content(kind), fileName), Cancel);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(reason, (string?)problem["errors"]!["file"]![0], StringComparison.Ordinal);
        Assert.Equal(before, await host.CountRowsAsync());
        Assert.Empty((await applicant.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/documents", Cancel))!);
    }

    [Fact]
    public async Task An_upload_without_a_file_is_a_400_saying_so_and_one_that_is_not_multipart_a_415()
    {
        var (caseId, _) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-BAD-FORM");
        using var applicant = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);

        using var noFile = await applicant.PostAsync($"/api/cases/{caseId}/documents",
            new MultipartFormDataContent { { new StringContent("申报书"), "title" } }, Cancel);
        var problem = await noFile.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("No file was sent: choose one file.", (string?)problem["errors"]!["file"]![0]);

        using var json = await applicant.PostJsonTextAsync($"/api/cases/{caseId}/documents", """{"file":"JVBERi0="}""");
        await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Empty((await applicant.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/documents", Cancel))!);
    }

    [Fact]
    public async Task A_document_attached_to_a_task_belongs_to_its_case()
    {
        var (caseId, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-TASKDOC");
        using var reviewer = await host.CreateClientAsync("zj-reviewer", Infrastructure.People.Password);

        using var uploaded = await reviewer.PostAsync($"/api/tasks/{taskId}/documents", SampleFiles.Upload(SampleFiles.Pdf(), "审查意见.pdf"), Cancel);

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        using var applicant = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        var listed = Assert.Single((await applicant.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/documents", Cancel))!)!;
        Assert.Equal(taskId, (Guid)listed["taskId"]!);
        Assert.Equal("zj-reviewer", (string?)listed["uploadedBy"]);
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_is_a_413_with_the_limit_and_stores_nothing()
    {
        var (caseId, _) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-HUGE");
        using var applicant = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        var before = await host.CountRowsAsync();

        using var refused = await applicant.PostAsync($"/api/cases/{caseId}/documents",
            SampleFiles.Upload(SampleFiles.Pdf(SmallUploadLimit.MaxBytes + 1), "big.pdf"), Cancel);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(SmallUploadLimit.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(before, await host.CountRowsAsync());

        using var justUnder = await applicant.PostAsync($"/api/cases/{caseId}/documents",
            SampleFiles.Upload(SampleFiles.Pdf(SmallUploadLimit.MaxBytes - 1024), "fits.pdf"), Cancel);
        Assert.Equal(HttpStatusCode.Created, justUnder.StatusCode);
    }

    [Fact]
    public async Task A_user_of_another_province_can_neither_list_download_nor_add_documents_of_the_case()
    {
        var (caseId, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-SECRETDOC");
        using var applicant = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        using var uploaded = await applicant.PostAsync($"/api/cases/{caseId}/documents", SampleFiles.Upload(SampleFiles.Pdf(), "机密.pdf"), Cancel);
        var documentId = (Guid)(await uploaded.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!;

        foreach (var stranger in new[] { "js-reviewer", "js-admin", "zj-silk" })
        {
            using var client = await host.CreateClientAsync(stranger, Infrastructure.People.Password);
            using (var list = await client.GetAsync($"/api/cases/{caseId}/documents", Cancel))
            {
                await list.AssertProblemAsync(HttpStatusCode.NotFound);
            }

            using (var download = await client.GetAsync($"/api/documents/{documentId}", Cancel))
            {
                var problem = await download.AssertProblemAsync(HttpStatusCode.NotFound);
                Assert.Equal($"No document with id '{documentId}'.", (string?)problem["detail"]);
            }

            using (var toCase = await client.PostAsync($"/api/cases/{caseId}/documents", SampleFiles.Upload(SampleFiles.Pdf(), "planted.pdf"), Cancel))
            {
                await toCase.AssertProblemAsync(HttpStatusCode.NotFound);
            }

            using var toTask = await client.PostAsync($"/api/tasks/{taskId}/documents", SampleFiles.Upload(SampleFiles.Pdf(), "planted.pdf"), Cancel);
            await toTask.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Single((await applicant.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/documents", Cancel))!);
    }

    [Fact]
    public async Task A_file_name_with_markup_and_quotes_comes_back_as_data_and_cannot_break_the_download_header()
    {
        const string hostile = "<script>alert(\"x\")</script>\"; filename=evil.exe.pdf";
        var (caseId, _) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-XSS");
        using var applicant = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(SampleFiles.Pdf());
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = hostile };
        upload.Add(file);

        using var uploaded = await applicant.PostAsync($"/api/cases/{caseId}/documents", upload, Cancel);

        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync(Cancel));
        var listed = Assert.Single((await applicant.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/documents", Cancel))!)!;
        Assert.Equal(hostile, (string?)listed["fileName"]);
        using var downloaded = await applicant.GetAsync((string)listed["downloadUrl"]!, Cancel);
        var disposition = downloaded.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(hostile, disposition.FileNameStar);
        Assert.Equal("_script_alert__x____script____filename_evil.exe.pdf", disposition.FileName);
        Assert.Equal(2, disposition.Parameters.Count);

        // The case view page shows the name as text: encoded, never as markup.
        using var browser = await BrowserLikeClient.SignInAsync(host, "zj-tea", Infrastructure.People.Password);
        var html = await browser.GetStringAsync($"/cases/{caseId}", Cancel);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&quot;; filename=evil.exe.pdf</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
    }

    private static byte[] Content(string kind) => kind switch
    {
        "pdf" => SampleFiles.Pdf(),
        "png" => SampleFiles.Png(),
        "docx" => SampleFiles.Docx(),
        "windows" => SampleFiles.WindowsExecutable(),
        "linux" => SampleFiles.LinuxExecutable(),
        "zip" => SampleFiles.PlainZip(),
        "empty" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

public sealed class DocumentsApiTestsOnSqlite(SmallUploadSqliteHostFixture host) : DocumentsApiTests<SmallUploadSqliteHostFixture>(host);

public sealed class DocumentsApiTestsOnPostgreSql(SmallUploadPostgresHostFixture host) : DocumentsApiTests<SmallUploadPostgresHostFixture>(host);

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Admin;

/// <summary>
/// Business calendars: the shipped 2025 and 2026 calendars are loaded at start-up, administrators read and replace a
/// year through the API, the edit survives a restart, and the engine's working-day due dates follow it.
/// </summary>
public abstract class CalendarApiTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static IEnumerable<string> Dates(JsonNode? days) => days!.AsArray().Select(d => (string)d!["date"]!);

    [Fact]
    public async Task The_shipped_calendar_of_2025_has_the_National_Day_week_and_its_make_up_days()
    {
        using var client = await host.CreateAdminClientAsync();

        var calendar = (await client.GetFromJsonAsync<JsonObject>("/api/admin/calendars/2025", Cancel))!;

        Assert.Contains("国办发明电〔2024〕12号", (string?)calendar["source"], StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 8).Select(d => $"2025-10-{d:00}"), Dates(calendar["holidays"]).Where(d => d.StartsWith("2025-10", StringComparison.Ordinal)));
        Assert.Contains("2025-09-28", Dates(calendar["workingDays"]));
        Assert.Contains("2025-10-11", Dates(calendar["workingDays"]));
        Assert.Contains("2026-02-28", Dates((await client.GetFromJsonAsync<JsonObject>("/api/admin/calendars/2026", Cancel))!["workingDays"]));
    }

    [Fact]
    public async Task A_year_without_a_calendar_is_a_404_problem()
    {
        using var client = await host.CreateAdminClientAsync();
        using var response = await client.GetAsync("/api/admin/calendars/2031", Cancel);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_edited_year_is_stored_and_survives_a_restart()
    {
        using var client = await host.CreateAdminClientAsync();
        var edited = new
        {
            year = 2027,
            source = "试行安排",
            holidays = new[] { new { date = "2027-01-01", name = "元旦" } },
            workingDays = new[] { new { date = "2027-01-02", name = "调休上班" } },
        };

        using (var put = await client.PutAsJsonAsync("/api/admin/calendars/2027", edited, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal("admin", (string?)(await put.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["updatedBy"]);
        }

        await using var restarted = new BrandsHostFactory(host.Provider, host.Factory.ConnectionString);
        restarted.StartServer();
        using var other = restarted.CreateClient();
        using var login = await other.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = BrandsHostFactory.AdminPassword }, Cancel);
        other.DefaultRequestHeaders.Authorization = new("Bearer", (string)(await login.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["accessToken"]!);
        var stored = (await other.GetFromJsonAsync<JsonObject>("/api/admin/calendars/2027", Cancel))!;
        Assert.Equal(["2027-01-01"], Dates(stored["holidays"]));
        Assert.Equal(["2027-01-02"], Dates(stored["workingDays"]));
        Assert.Equal("试行安排", (string?)stored["source"]);
    }

    [Theory]
    [InlineData("""{"year":2026,"holidays":[],"workingDays":[]}""", "year", "2026")]
    [InlineData("""{"year":2028,"holidays":[{"date":"2029-01-01"}],"workingDays":[]}""", "holidays", "2029-01-01 is not in 2028")]
    [InlineData("""{"year":2028,"holidays":[],"workingDays":[{"date":"2028-01-05"}]}""", "workingDays", "Saturday or Sunday")]
    [InlineData("""{"year":2028,"holidays":[{"date":"2028-01-01"},{"date":"2028-01-01"}],"workingDays":[]}""", "holidays", "listed twice")]
    [InlineData("""{"year":2028,"holidays":[{"date":"2028-01-01"}],"workingDays":[{"date":"2028-01-01"}]}""", "workingDays", "both a holiday and a working day")]
    public async Task A_calendar_with_a_bad_date_is_refused_naming_it_and_nothing_is_stored(string body, string field, string reason)
    {
        using var client = await host.CreateAdminClientAsync();

        using var response = await client.PutAsync("/api/admin/calendars/2028", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(reason, problem["errors"]![field]!.ToJsonString(), StringComparison.Ordinal);
        using var after = await client.GetAsync("/api/admin/calendars/2028", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Only_administrators_may_edit_a_calendar()
    {
        await host.CreateUserAsync("calendar-reader", "Reader-Pass-1!");
        using var client = await host.CreateClientAsync("calendar-reader", "Reader-Pass-1!");

        using var response = await client.PutAsJsonAsync("/api/admin/calendars/2029", new { year = 2029 }, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_due_date_in_working_days_follows_the_edited_calendar()
    {
        using var client = await host.CreateAdminClientAsync();
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), shanghai).DateTime).AddDays(1);
        var weekend = tomorrow.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        // Tomorrow becomes a rest day if it is a weekday, a make-up working day if it is a weekend; the rest of the
        // year's calendar (shipped or edited) is kept.
        using var current = await client.GetAsync($"/api/admin/calendars/{tomorrow.Year}", Cancel);
        var calendar = current.IsSuccessStatusCode ? (await current.Content.ReadFromJsonAsync<JsonObject>(Cancel))! : new JsonObject();
        var holidays = calendar["holidays"]?.AsArray().DeepClone().AsArray() ?? [];
        var workingDays = calendar["workingDays"]?.AsArray().DeepClone().AsArray() ?? [];
        var day = tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var list = weekend ? workingDays : holidays;
        if (!Dates(list).Contains(day))
        {
            list.Add(new JsonObject { ["date"] = day, ["name"] = "测试" });
        }

        using (var put = await client.PutAsJsonAsync($"/api/admin/calendars/{tomorrow.Year}",
            new JsonObject { ["year"] = tomorrow.Year, ["source"] = (string?)calendar["source"], ["holidays"] = holidays, ["workingDays"] = workingDays }, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var deployed = await client.DeployAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Admin", "due-in-one-working-day.bpmn"))))
        {
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(Cancel));
        }

        using var started = await client.PostAsJsonAsync("/api/cases", new { definitionKey = "due-in-one-working-day" }, Cancel);
        var caseId = (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!;
        var task = Assert.Single((await client.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}", Cancel))!)!;
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.Parse((string)task["dueAt"]!, CultureInfo.InvariantCulture), shanghai).DateTime);

        if (weekend)
        {
            Assert.Equal(tomorrow, due);
        }
        else
        {
            Assert.True(due > tomorrow, $"due {due}, but {tomorrow} was made a holiday");
        }
    }
}

public sealed class CalendarApiTestsOnSqlite(SqliteHostFixture host) : CalendarApiTests<SqliteHostFixture>(host);

public sealed class CalendarApiTestsOnPostgreSql(PostgresHostFixture host) : CalendarApiTests<PostgresHostFixture>(host);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Definitions;

/// <summary>
/// A process's <c>ownerOrganisation</c> must name an organisation that exists when it is deployed (README, "Cases
/// started by a message, signal or timer"), not only when a trigger starts a case.
/// </summary>
public abstract class OwnerOrganisationDeployTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_process_naming_an_unknown_owner_organisation_is_refused_naming_the_property_the_value_the_process_and_the_line()
    {
        using var admin = await host.CreateAdminClientAsync();
        var definitionsBefore = (await admin.GetFromJsonAsync<JsonArray>("/api/definitions", Cancel))!.Count;
        var before = await host.CountRowsAsync();

        using var response = await admin.DeployAsync(OwnedIntake("ZJ-OFICE"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The BPMN file was refused.", (string?)problem["title"]);
        var error = Assert.Single(problem.BpmnErrors());
        Assert.Equal("owned-intake", error.ElementId);
        Assert.Equal(10, error.Line);
        Assert.Equal("the process property ownerOrganisation names 'ZJ-OFICE', which is no known organisation; "
            + "create the organisation first (POST /api/admin/organisations) or name the code of an existing one", error.Message);
        Assert.Equal(definitionsBefore, (await admin.GetFromJsonAsync<JsonArray>("/api/definitions", Cancel))!.Count);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task A_process_naming_an_existing_owner_organisation_deploys_and_its_triggered_cases_belong_to_it()
    {
        using var admin = await host.CreateAdminClientAsync();
        using (var organisation = await admin.PostAsJsonAsync("/api/admin/organisations",
            new { code = "GD-OFFICE", name = "广东省知识产权局", kind = "provincial-office", province = "GD" }, Cancel))
        {
            Assert.True(organisation.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await organisation.Content.ReadAsStringAsync(Cancel));
        }

        using var deployed = await admin.DeployAsync(OwnedIntake(" GD-OFFICE "));
        Assert.True(deployed.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await deployed.Content.ReadAsStringAsync(Cancel));
        Assert.Contains((await admin.GetFromJsonAsync<JsonArray>("/api/definitions", Cancel))!, d => (string?)d!["key"] == "owned-intake");

        using var sent = await admin.PostAsJsonAsync("/api/messages", new { name = "owned-intake-received", businessKey = "2026-GD-OWNED-1" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var caseId = (Guid)(await sent.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["caseId"]!;
        var @case = (await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", Cancel))!;
        Assert.Equal("GD-OFFICE", (string?)@case["organisationCode"]);
        Assert.Equal("GD", (string?)@case["province"]);
    }

    private static string OwnedIntake(string owner) => Api.Bpmn("owned-intake.bpmn").Replace("value=\"OWNER\"", $"value=\"{owner}\"", StringComparison.Ordinal);
}

public sealed class OwnerOrganisationDeployTestsOnSqlite(SqliteHostFixture host) : OwnerOrganisationDeployTests<SqliteHostFixture>(host);

public sealed class OwnerOrganisationDeployTestsOnPostgreSql(PostgresHostFixture host) : OwnerOrganisationDeployTests<PostgresHostFixture>(host);

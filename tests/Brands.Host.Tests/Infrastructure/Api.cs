using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>Small helpers over the HTTP API, so the tests read as what a caller does.</summary>
public static class Api
{
    /// <summary>A BPMN fixture file from Features/Definitions, as deployed by an administrator.</summary>
    public static string Bpmn(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Definitions", fileName));

    public static Task<HttpResponseMessage> DeployAsync(this HttpClient client, string xml) =>
        client.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"));

    public static Task<HttpResponseMessage> PostJsonTextAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>The form approval.bpmn's task names (camunda:formRef="review-form"): an optional decision and who decided.</summary>
    public const string ReviewForm = """
        {"id":"review-form","type":"default","components":[
          {"type":"checkbox","key":"approved","label":"Approved"},
          {"type":"textfield","key":"decidedBy","label":"Decided by"}]}
        """;

    /// <summary>Saves a form-js schema through <c>POST /api/forms</c> and asserts it was stored.</summary>
    public static async Task SaveFormAsync(this HttpClient client, string schema)
    {
        using var saved = await client.PostJsonTextAsync("/api/forms", schema);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    /// <summary>Saves review-form, deploys approval.bpmn, starts a case and returns the case id and its one open task.</summary>
    public static async Task<(Guid CaseId, Guid TaskId)> StartApprovalCaseAsync(this HttpClient client, string? businessKey = null)
    {
        await client.SaveFormAsync(ReviewForm);
        using (var deployed = await client.DeployAsync(Bpmn("approval.bpmn")))
        {
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
        }

        using var started = await client.PostAsJsonAsync("/api/cases", new { definitionKey = "approval", businessKey });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var caseId = (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var tasks = await client.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}");
        var task = Assert.Single(tasks!);
        return (caseId, (Guid)task!["id"]!);
    }

    /// <summary>Asserts a problem+json answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int)problem["status"]!);
        return problem;
    }

    /// <summary>The <c>errors</c> of a refused BPMN file as (elementId, line, message).</summary>
    public static IReadOnlyList<(string? ElementId, int? Line, string Message)> BpmnErrors(this JsonObject problem) =>
        [.. problem["errors"]!.AsArray().Select(e => ((string?)e!["elementId"], (int?)e["line"], (string)e["message"]!))];
}

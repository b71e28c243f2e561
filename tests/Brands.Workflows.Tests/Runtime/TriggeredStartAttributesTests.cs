using System.Text.Json.Nodes;
using Brands.Workflows.Handlers;
using Brands.Workflows.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

/// <summary>
/// A case started by a trigger gets its attributes from the host's <see cref="ITriggeredStartAttributes"/>
/// (docs/engine.md, "Who a case belongs to"): asked with the process's properties, its answer is stored on the case
/// and its tasks, and the variables it adds are the case's.
/// </summary>
public sealed class TriggeredStartAttributesTests
{
    private static readonly string Intake = Process("owned-intake", $"""
        <bpmn:extensionElements>
          <camunda:properties><camunda:property name="owner" value="ZJ-OFFICE" /></camunda:properties>
        </bpmn:extensionElements>
        <bpmn:startEvent id="received"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>
        <bpmn:userTask id="accept" />
        {Flow("f1", "received", "accept")}
        """, """<bpmn:message id="m" name="intake-received" />""");

    [Fact]
    public async Task A_case_started_by_a_message_has_the_attributes_and_variables_the_host_gives_it()
    {
        var owners = new Owners();
        var store = new InMemoryWorkflowStore();
        var engine = new WorkflowEngine(store, [], new WorkflowEngineOptions(), TimeProvider.System, NullLogger<WorkflowEngine>.Instance,
            triggeredStartAttributes: owners);
        await engine.DeployAsync(Intake, TestContext.Current.CancellationToken);

        var caseId = await engine.CorrelateMessageAsync("intake-received", "2026-ZJ-1", null, new JsonObject { ["pages"] = 3 },
            cancellationToken: TestContext.Current.CancellationToken);

        var asked = Assert.Single(owners.Asked);
        Assert.Equal(("owned-intake", 1, "received", "ZJ-OFFICE"), (asked.DefinitionKey, asked.DefinitionVersion, asked.StartEventId, asked.ProcessProperties["owner"]));
        var record = (await store.GetInstanceAsync(caseId, TestContext.Current.CancellationToken))!;
        Assert.Equal(("ZJ-OFFICE", "ZJ"), (record.OrganisationCode, record.Province));
        var task = Assert.Single(await store.GetOpenTasksAsync(caseId, TestContext.Current.CancellationToken));
        Assert.Equal(("ZJ-OFFICE", "ZJ"), (task.OrganisationCode, task.Province));
        var variables = (await engine.GetCaseAsync(caseId, TestContext.Current.CancellationToken))!.Variables;
        Assert.Equal("ZJ", (string?)variables["province"]);
        Assert.Equal(3, (int)variables["pages"]!);
    }

    [Fact]
    public async Task A_case_started_by_a_command_is_not_asked_about()
    {
        var owners = new Owners();
        var engine = new WorkflowEngine(new InMemoryWorkflowStore(), [], new WorkflowEngineOptions(), TimeProvider.System, NullLogger<WorkflowEngine>.Instance,
            triggeredStartAttributes: owners);
        await engine.DeployAsync(Process("plain", $"""
            <bpmn:startEvent id="s" /><bpmn:userTask id="t" />{Flow("f", "s", "t")}
            """), TestContext.Current.CancellationToken);

        await engine.StartAsync("plain", null, null, "tester", new CaseAttributes("JS-TEA", "JS"), TestContext.Current.CancellationToken);

        Assert.Empty(owners.Asked);
    }

    private sealed class Owners : ITriggeredStartAttributes
    {
        public List<TriggeredStart> Asked { get; } = [];

        public Task<CaseAttributes?> ForTriggeredStartAsync(TriggeredStart start, CancellationToken cancellationToken)
        {
            Asked.Add(start);
            start.Variables["province"] = "ZJ";
            return Task.FromResult<CaseAttributes?>(new CaseAttributes(start.ProcessProperties["owner"], "ZJ"));
        }
    }
}

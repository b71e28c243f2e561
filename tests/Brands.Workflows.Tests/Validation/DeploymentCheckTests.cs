using Brands.Workflows.Handlers;
using Brands.Workflows.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Validation;

/// <summary>A host's <see cref="IDeploymentCheck"/> (docs/engine.md, "Who a case belongs to"): its problems join the engine's in one refusal.</summary>
public sealed class DeploymentCheckTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_checks_problems_are_reported_with_the_engines_own_and_nothing_is_deployed()
    {
        var store = new InMemoryWorkflowStore();
        var check = new PropertyCheck();
        var engine = new WorkflowEngine(store, [], new WorkflowEngineOptions(), TimeProvider.System, NullLogger<WorkflowEngine>.Instance,
            deploymentChecks: [check]);
        var xml = Process("checked", """
            <bpmn:extensionElements>
              <camunda:properties><camunda:property name="owner" value="nobody" /><camunda:property name="owner" value="second" /></camunda:properties>
            </bpmn:extensionElements>
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="work" camunda:type="external" camunda:topic="no-such-topic" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
            <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
            """);

        var refused = await Assert.ThrowsAsync<BpmnValidationException>(() => engine.DeployAsync(xml, Cancel));

        Assert.Contains(refused.Errors, e => e.ElementId == "work" && e.Message.Contains("no-such-topic", StringComparison.Ordinal));
        var owner = Assert.Single(refused.Errors, e => e.ElementId == "checked");
        Assert.Equal("owner 'nobody' is unknown", owner.Message);
        Assert.Equal(xml.Split('\n').ToList().FindIndex(l => l.Contains("value=\"nobody\"", StringComparison.Ordinal)) + 1, owner.Line);
        Assert.Equal("checked", Assert.Single(check.Seen).Key);
        Assert.Empty(await store.ListLatestDefinitionsAsync(Cancel));
    }

    private sealed class PropertyCheck : IDeploymentCheck
    {
        public List<DeployingProcess> Seen { get; } = [];

        public Task<IReadOnlyList<ValidationError>> CheckAsync(DeployingProcess process, CancellationToken cancellationToken)
        {
            Seen.Add(process);
            IReadOnlyList<ValidationError> errors = process.Properties.TryGetValue("owner", out var owner)
                ? [new ValidationError(process.Key, owner.Line, $"owner '{owner.Value}' is unknown")]
                : [];
            return Task.FromResult(errors);
        }
    }
}

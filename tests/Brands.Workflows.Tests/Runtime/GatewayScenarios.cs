using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

public abstract class GatewayScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static readonly string Decision = Process("decision", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="gw" default="toOther" />
        <bpmn:userTask id="big" />
        <bpmn:userTask id="small" />
        <bpmn:userTask id="other" />
        {{Flow("f0", "start", "gw")}}
        {{Flow("toBig", "gw", "big", "${amount > 1000}")}}
        {{Flow("toSmall", "gw", "small", "${amount > 0}")}}
        {{Flow("toOther", "gw", "other")}}
        """);

    [Theory]
    [InlineData(5000, "big")]
    [InlineData(10, "small")]
    [InlineData(-1, "other")]
    public async Task An_exclusive_gateway_takes_the_first_flow_whose_condition_holds_else_the_default(int amount, string expected)
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Decision, new { amount });
        Assert.Equal([expected], started.ActiveElementIds);
    }

    [Fact]
    public async Task A_condition_that_fails_at_run_time_raises_an_incident_and_parks_the_case_at_the_gateway()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Decision, new { other = 1 });

        Assert.Equal(InstanceStatus.Active, started.Status);
        Assert.Equal(["gw"], started.ActiveElementIds);
        var incident = Assert.Single(await Store.GetOpenIncidentsAsync(started.Id));
        Assert.Equal("gw", incident.ElementId);
        Assert.Contains("amount is not defined", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parallel_join_waits_for_a_token_on_every_incoming_flow()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("parallel", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="a" />
            <bpmn:userTask id="b" />
            <bpmn:parallelGateway id="join" />
            <bpmn:userTask id="after" />
            {{Flow("f0", "start", "fork")}}
            {{Flow("f1", "fork", "a")}}
            {{Flow("f2", "fork", "b")}}
            {{Flow("f3", "a", "join")}}
            {{Flow("f4", "b", "join")}}
            {{Flow("f5", "join", "after")}}
            """));
        Assert.Equal(["a", "b"], started.ActiveElementIds.Order());

        await harness.CompleteAsync(started.Id, "a");
        Assert.Equal(["b", "join"], (await harness.CaseAsync(started.Id)).ActiveElementIds.Order());

        await harness.CompleteAsync(started.Id, "b");
        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
    }

    private static readonly string Inclusive = Process("inclusive", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:inclusiveGateway id="split" default="toNone" />
        <bpmn:userTask id="legal" />
        <bpmn:userTask id="finance" />
        <bpmn:userTask id="none" />
        <bpmn:inclusiveGateway id="join" />
        <bpmn:userTask id="after" />
        {{Flow("f0", "start", "split")}}
        {{Flow("toLegal", "split", "legal", "${needsLegal}")}}
        {{Flow("toFinance", "split", "finance", "${needsFinance}")}}
        {{Flow("toNone", "split", "none")}}
        {{Flow("f3", "legal", "join")}}
        {{Flow("f4", "finance", "join")}}
        {{Flow("f5", "none", "join")}}
        {{Flow("f6", "join", "after")}}
        """);

    [Fact]
    public async Task An_inclusive_gateway_forks_to_every_true_flow_and_joins_only_those()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Inclusive, new { needsLegal = true, needsFinance = true });
        Assert.Equal(["finance", "legal"], started.ActiveElementIds.Order());

        await harness.CompleteAsync(started.Id, "legal");
        Assert.Equal(["finance", "join"], (await harness.CaseAsync(started.Id)).ActiveElementIds.Order());

        await harness.CompleteAsync(started.Id, "finance");
        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task An_inclusive_join_does_not_wait_for_branches_that_were_not_taken()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Inclusive, new { needsLegal = true, needsFinance = false });
        Assert.Equal(["legal"], started.ActiveElementIds);

        await harness.CompleteAsync(started.Id, "legal");
        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task An_inclusive_gateway_takes_its_default_when_no_condition_holds()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Inclusive, new { needsLegal = false, needsFinance = false });
        Assert.Equal(["none"], started.ActiveElementIds);
        await harness.CompleteAsync(started.Id, "none");
        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task An_inclusive_join_fires_when_a_branch_that_could_still_arrive_ends_elsewhere()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("inclusive-escape", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:inclusiveGateway id="split" />
            <bpmn:userTask id="a" />
            <bpmn:userTask id="b" />
            <bpmn:exclusiveGateway id="decide" />
            <bpmn:endEvent id="abandon" />
            <bpmn:inclusiveGateway id="join" />
            <bpmn:userTask id="after" />
            {{Flow("f0", "start", "split")}}
            {{Flow("f1", "split", "a")}}
            {{Flow("f2", "split", "b")}}
            {{Flow("f3", "a", "join")}}
            {{Flow("f4", "b", "decide")}}
            {{Flow("f5", "decide", "join", "${keep}")}}
            {{Flow("f6", "decide", "abandon", "${!keep}")}}
            {{Flow("f7", "join", "after")}}
            """));
        await harness.CompleteAsync(started.Id, "a");
        Assert.Equal(["b", "join"], (await harness.CaseAsync(started.Id)).ActiveElementIds.Order());

        await harness.CompleteAsync(started.Id, "b", new { keep = false });
        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
    }
}

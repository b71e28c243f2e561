using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

public abstract class ScriptTaskScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static string Script(string id, string code, string resultVariable = "") => Process(id, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:scriptTask id="calc" scriptFormat="javascript" {{(resultVariable.Length > 0 ? $"camunda:resultVariable=\"{resultVariable}\"" : "")}}>
          <bpmn:script><![CDATA[{{code}}]]></bpmn:script>
        </bpmn:scriptTask>
        <bpmn:userTask id="after" />
        {{Flow("f1", "start", "calc")}}
        {{Flow("f2", "calc", "after")}}
        """);

    [Fact]
    public async Task A_script_task_stores_its_value_in_the_result_variable_and_can_set_others()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(
            Script("score", "execution.setVariable('grade', points >= 60 ? 'pass' : 'fail'); points * 2;", "doubled"),
            new { points = 75 });

        Assert.Equal(["after"], started.ActiveElementIds);
        Assert.Equal(150, started.Variables["doubled"]!.GetValue<long>());
        Assert.Equal("pass", started.Variables["grade"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("while (true) {}", "and was stopped")]
    [InlineData("function f(n) { return f(n + 1); } f(0);", "recursed deeper than 64 calls")]
    [InlineData("var s = 0; for (var i = 0; i < 1e12; i++) { s += i; }", "and was stopped")]
    [InlineData("var s = 'x'; for (var i = 0; i < 40; i++) { s += s; }", "allocated more than 64 MB")]
    [InlineData("var a = [], s = new Array(16384).join('x'); for (var i = 0; i < 4000; i++) { a.push(s.toUpperCase() + i); }", "allocated more than 64 MB")]
    [InlineData("var a = []; for (var i = 0; i < 9000; i++) { a.push(new Array(4096).fill(i)); }", "allocated more than 64 MB")]
    public async Task A_runaway_script_raises_an_incident_and_the_engine_carries_on(string code, string expected)
    {
        var harness = NewHarness();
        var runaway = await harness.StartAsync(Script("runaway", code));

        Assert.Equal(InstanceStatus.Active, runaway.Status);
        Assert.Equal(["calc"], runaway.ActiveElementIds);
        var incident = Assert.Single(await Store.GetOpenIncidentsAsync(runaway.Id));
        Assert.Contains(expected, incident.Message, StringComparison.Ordinal);

        var healthy = await harness.StartAsync(Script("healthy", "1 + 1", "two"));
        Assert.Equal(["after"], healthy.ActiveElementIds);
    }

    [Fact]
    public async Task A_script_that_fails_leaves_no_variable_it_set_and_a_retry_starts_from_the_same_values()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Script("partial",
            "execution.setVariable('attempts', attempts + 1); execution.setVariable('grade', 'pass'); throw new Error('配额服务未就绪');"),
            new { attempts = 0 });

        var incident = Assert.Single(await Store.GetOpenIncidentsAsync(started.Id));
        Assert.Contains("配额服务未就绪", incident.Message, StringComparison.Ordinal);
        await AssertUntouchedAsync(harness, started.Id);

        await harness.Engine.RetryJobAsync(incident.JobId!.Value);
        await harness.RunJobsAsync();

        Assert.Single(await Store.GetOpenIncidentsAsync(started.Id));
        await AssertUntouchedAsync(harness, started.Id);
        var history = await harness.HistoryKindsAsync(started.Id, "calc");
        Assert.Equal(["incident-raised", "job-retried", "incident-raised"], history.Where(k => k != "incident-resolved"));
    }

    private static async Task AssertUntouchedAsync(EngineHarness harness, Guid caseId)
    {
        var snapshot = await harness.CaseAsync(caseId);
        Assert.Equal(["calc"], snapshot.ActiveElementIds);
        Assert.Equal(0, snapshot.Variables["attempts"]!.GetValue<int>());
        Assert.False(snapshot.Variables.ContainsKey("grade"));
        Assert.DoesNotContain("variable-changed", await harness.HistoryKindsAsync(caseId));
    }

    [Fact]
    public async Task The_memory_limit_counts_what_a_script_allocates_not_the_cases_variables()
    {
        // A case with a large variable (50,000 records) and a hundred others; a script that reads it and loops
        // 3,000 times: what the limit must not count is converting the variables for Jint.
        var variables = new System.Text.Json.Nodes.JsonObject
        {
            ["items"] = new System.Text.Json.Nodes.JsonArray([.. Enumerable.Range(0, 50_000).Select(i =>
                (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["no"] = i, ["name"] = $"企业{i}" })]),
        };
        for (var i = 0; i < 100; i++)
        {
            variables[$"field{i}"] = $"值{i}";
        }

        var harness = NewHarness();
        var started = await harness.StartAsync(
            Script("big", "var s = 0; for (var i = 0; i < 3000; i++) { s += i; } items.length + s;", "total"), variables);

        Assert.Empty(await Store.GetOpenIncidentsAsync(started.Id));
        Assert.Equal(50_000 + 4_498_500, started.Variables["total"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("new Array(30000000).join('x').length", "and was stopped")]
    [InlineData("var s = new Array(30000000).join(','); s.length", "and was stopped")]
    [InlineData("/^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')", "ran a regular expression longer than 200 ms")]
    [InlineData("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.replace(/(a|aa)+$/, 'b')", "ran a regular expression longer than 200 ms")]
    public async Task One_long_builtin_call_is_stopped_within_the_time_limit(string code, string expected)
    {
        // A single statement that runs long inside the runtime (a 30-million-element join, a regular expression that
        // backtracks catastrophically) is not between two statements, where a step limit would look; Jint's own
        // deadline and regex timeout stop it. Without them each of these runs for minutes.
        var harness = NewHarness(new WorkflowEngineOptions { ScriptTimeout = TimeSpan.FromMilliseconds(200) });
        await harness.Engine.DeployAsync(Script("warm", "1 + 1"));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var started = await harness.StartAsync(Script("long", code, "result"));

        clock.Stop();
        Assert.Equal(["calc"], started.ActiveElementIds);
        Assert.False(started.Variables.ContainsKey("result"));
        Assert.Contains(expected, Assert.Single(await Store.GetOpenIncidentsAsync(started.Id)).Message, StringComparison.Ordinal);
        // The limit plus the rest of the command (deploy, start, commit) on a busy shared machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed.TotalMilliseconds:N0} ms");
    }

    [Fact]
    public async Task A_slow_script_is_stopped_by_the_time_limit()
    {
        var harness = NewHarness(new WorkflowEngineOptions { ScriptMaxStatements = int.MaxValue, ScriptTimeout = TimeSpan.FromMilliseconds(50) });
        var started = await harness.StartAsync(Script("slow", "while (true) {}"));

        var incident = Assert.Single(await Store.GetOpenIncidentsAsync(started.Id));
        Assert.Contains("longer than 50 ms", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scripts_cannot_reach_the_clr()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Script("clr", "System.IO.File.ReadAllText('/etc/passwd')", "leak"));

        Assert.False(started.Variables.ContainsKey("leak"));
        Assert.Contains("System is not defined", Assert.Single(await Store.GetOpenIncidentsAsync(started.Id)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manual_and_plain_tasks_pass_straight_through_and_a_receive_task_waits_for_its_trigger()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("pass", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:manualTask id="sign" />
            <bpmn:task id="note" />
            <bpmn:intermediateThrowEvent id="milestone" />
            <bpmn:receiveTask id="waitForSeal" />
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", "sign")}}
            {{Flow("f2", "sign", "note")}}
            {{Flow("f3", "note", "milestone")}}
            {{Flow("f4", "milestone", "waitForSeal")}}
            {{Flow("f5", "waitForSeal", "end")}}
            """));
        Assert.Equal(["waitForSeal"], started.ActiveElementIds);

        await harness.Engine.TriggerAsync(started.Id, "waitForSeal", new() { ["sealed"] = true });

        var done = await harness.CaseAsync(started.Id);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.True(done.Variables["sealed"]!.GetValue<bool>());
        await Assert.ThrowsAsync<WorkflowConflictException>(() => harness.Engine.TriggerAsync(started.Id, "waitForSeal", null));
    }

    [Fact]
    public async Task Mixed_text_expressions_yield_strings_and_whole_expressions_yield_values()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("mixed", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="t" camunda:assignee="clerk_${region.code}_${year}" camunda:priority="${level * 10}" />
            {{Flow("f1", "start", "t")}}
            """), new { region = new { code = "ZJ" }, year = 2025, level = 7 });

        var task = Assert.Single(await harness.TasksAsync(started.Id));
        Assert.Equal("clerk_ZJ_2025", task.Assignee);
        Assert.Equal(70, task.Priority);
    }
}

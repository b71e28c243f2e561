using System.Text.Json.Nodes;
using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

/// <summary>Running cases move from one version to the next with an element mapping (README "Migrating running cases").</summary>
public abstract class MigrationScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static string Timer(string value) => $"""<bpmn:timerEventDefinition><bpmn:timeDuration>{value}</bpmn:timeDuration></bpmn:timerEventDefinition>""";

    /// <summary>Version 1: one review with a deadline.</summary>
    private static string Review(string key) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" name="初审" camunda:candidateGroups="clerks" />
        <bpmn:boundaryEvent id="deadline" attachedToRef="review" cancelActivity="false">{{Timer("P14D")}}</bpmn:boundaryEvent>
        <bpmn:endEvent id="reminded" />
        <bpmn:endEvent id="end" />
        {{Flow("f1", "start", "review")}}
        {{Flow("f2", "review", "end")}}
        {{Flow("f3", "deadline", "reminded")}}
        """);

    /// <summary>Version 2: the review is renamed to a check, and an approval follows it.</summary>
    private static string CheckThenApprove(string key, string deadline = "P14D") => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="check" name="形式审查" camunda:candidateGroups="clerks" />
        <bpmn:boundaryEvent id="deadline" attachedToRef="check" cancelActivity="false">{{Timer(deadline)}}</bpmn:boundaryEvent>
        <bpmn:intermediateCatchEvent id="pause">{{Timer("P1D")}}</bpmn:intermediateCatchEvent>
        <bpmn:userTask id="approve" />
        <bpmn:endEvent id="reminded" />
        <bpmn:endEvent id="end" />
        {{Flow("f1", "start", "check")}}
        {{Flow("f2", "check", "approve")}}
        {{Flow("f4", "approve", "end")}}
        {{Flow("f3", "deadline", "reminded")}}
        """);

    private static string NewKey() => "migrate" + Guid.NewGuid().ToString("N")[..8];

    private static Dictionary<string, string> ReviewBecomesCheck => new() { ["review"] = "check" };

    [Fact]
    public async Task Cases_waiting_at_a_renamed_task_move_to_the_next_version_with_the_confirmed_mapping()
    {
        var key = NewKey();
        var harness = NewHarness();
        var first = await harness.StartAsync(Review(key));
        var second = await harness.Engine.StartAsync(key, "BK-2", null, "tester");
        var timerBefore = Assert.Single(await Store.GetJobsAsync(first.Id));
        var v2 = (await harness.Engine.DeployAsync(CheckThenApprove(key))).Definitions[0];

        var plan = await harness.Engine.PlanMigrationAsync($"{key}:1", v2.Id);
        Assert.Equal(2, plan.ActiveCases);
        Assert.Contains(plan.Mappings, m => m is { SourceElementId: "deadline", TargetElementId: "deadline" });
        var unmapped = Assert.Single(plan.Unmapped);
        Assert.Equal(("review", "初审", "userTask", 2), (unmapped.ElementId, unmapped.Name, unmapped.Kind, unmapped.WaitingCases));
        Assert.Equal(["approve", "check"], unmapped.Candidates);

        harness.Clock.Advance(TimeSpan.FromHours(3));
        var result = await harness.Engine.MigrateCasesAsync($"{key}:1", v2.Id, ReviewBecomesCheck, null, "admin");

        Assert.Equal(new[] { first.Id, second.Id }.Order(), result.Migrated.Order());
        Assert.Empty(result.Refused);
        var moved = await harness.CaseAsync(first.Id);
        Assert.Equal(2, moved.DefinitionVersion);
        Assert.Equal(["check"], moved.ActiveElementIds);
        var task = Assert.Single(await harness.TasksAsync(first.Id));
        Assert.Equal(("check", "形式审查", "clerks"), (task.ElementId, task.Name, task.CandidateGroups));
        // The deadline is written the same in both versions: its timer keeps its due date.
        var timerAfter = Assert.Single(await Store.GetJobsAsync(first.Id));
        Assert.Equal((timerBefore.Id, timerBefore.DueAt, "deadline"), (timerAfter.Id, timerAfter.DueAt, timerAfter.ElementId));

        var entry = (await Store.GetHistoryAsync(first.Id)).Single(h => h.Kind == "case-migrated");
        Assert.Equal("admin", entry.UserId);
        var data = JsonNode.Parse(entry.DataJson!)!;
        Assert.Equal((1, 2), (data["fromVersion"]!.GetValue<int>(), data["toVersion"]!.GetValue<int>()));
        Assert.Equal("check", data["mapping"]!["review"]!.GetValue<string>());
        Assert.Equal("deadline", data["mapping"]!["deadline"]!.GetValue<string>());

        // The case runs on version 2 from here: the approval that only version 2 has comes next.
        await harness.CompleteAsync(first.Id, "check");
        Assert.Equal("approve", Assert.Single(await harness.TasksAsync(first.Id)).ElementId);
        Assert.Equal(2, (await Store.CountCasesByVersionAsync(key)).Single().Version);
    }

    [Fact]
    public async Task A_case_waiting_at_an_unmapped_element_is_refused_and_left_as_it_was()
    {
        var key = NewKey();
        var harness = NewHarness();
        var started = await harness.StartAsync(Review(key));
        var v2 = (await harness.Engine.DeployAsync(CheckThenApprove(key))).Definitions[0];
        var before = await Store.GetInstanceAsync(started.Id);
        var historyBefore = (await Store.GetHistoryAsync(started.Id)).Count;

        var result = await harness.Engine.MigrateCasesAsync($"{key}:1", v2.Id, null, null, "admin");

        Assert.Empty(result.Migrated);
        var refused = Assert.Single(result.Refused);
        Assert.Equal(started.Id, refused.CaseId);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal("review", problem.ElementId);
        Assert.Contains("mapped to no element of version 2", problem.Message, StringComparison.Ordinal);
        var after = await Store.GetInstanceAsync(started.Id);
        Assert.Equal((before!.Version, 1, before.StateJson), (after!.Version, after.DefinitionVersion, after.StateJson));
        Assert.Equal("review", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        Assert.Equal(historyBefore, (await Store.GetHistoryAsync(started.Id)).Count);
    }

    [Fact]
    public async Task A_mapping_to_a_missing_element_or_another_kind_is_refused_as_a_whole()
    {
        var key = NewKey();
        var harness = NewHarness();
        var started = await harness.StartAsync(Review(key));
        var v2 = (await harness.Engine.DeployAsync(CheckThenApprove(key))).Definitions[0];

        var missing = await Assert.ThrowsAsync<WorkflowInputException>(() =>
            harness.Engine.MigrateCasesAsync($"{key}:1", v2.Id, new Dictionary<string, string> { ["review"] = "chekc" }, null, "admin"));
        Assert.Contains("Element 'chekc' (the target for 'review') does not exist in version 2", missing.Message, StringComparison.Ordinal);

        var kind = await Assert.ThrowsAsync<WorkflowInputException>(() =>
            harness.Engine.MigrateCasesAsync($"{key}:1", v2.Id, new Dictionary<string, string> { ["review"] = "pause" }, null, "admin"));
        Assert.Contains("'review' (userTask) cannot become 'pause' (intermediateCatchEvent:timer)", kind.Message, StringComparison.Ordinal);

        var other = NewKey();
        await harness.Engine.DeployAsync(Review(other));
        var keys = await Assert.ThrowsAsync<WorkflowInputException>(() => harness.Engine.PlanMigrationAsync($"{key}:1", $"{other}:1"));
        Assert.Contains("cases migrate only between versions of one process", keys.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => harness.Engine.PlanMigrationAsync($"{key}:1", $"{key}:9"));

        Assert.Equal(1, (await harness.CaseAsync(started.Id)).DefinitionVersion);
    }

    [Fact]
    public async Task A_timer_written_differently_in_the_target_starts_again_from_the_target()
    {
        var key = NewKey();
        var harness = NewHarness();
        var started = await harness.StartAsync(Review(key));
        var v2 = (await harness.Engine.DeployAsync(CheckThenApprove(key, deadline: "P3D"))).Definitions[0];
        harness.Clock.Advance(TimeSpan.FromDays(1));

        var result = await harness.Engine.MigrateCasesAsync($"{key}:1", v2.Id, ReviewBecomesCheck, [started.Id], "admin");

        Assert.Equal([started.Id], result.Migrated);
        var timer = Assert.Single(await Store.GetJobsAsync(started.Id));
        Assert.Equal(("deadline", harness.Clock.GetUtcNow().AddDays(3)), (timer.ElementId, timer.DueAt));
        harness.Clock.Advance(TimeSpan.FromDays(3));
        await harness.RunJobsAsync();
        Assert.Contains("timer-fired", await harness.HistoryKindsAsync(started.Id, "deadline"));
        Assert.Equal(["case-migrated", "timer-started"], (await harness.HistoryKindsAsync(started.Id)).SkipWhile(k => k != "case-migrated").Take(2));
    }

    [Fact]
    public async Task A_message_catch_event_under_a_new_id_receives_the_message_after_migration()
    {
        var key = NewKey();
        string Waiting(string catchId) => Process(key, $$"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="{{catchId}}"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="review" />
            {{Flow("f1", "start", catchId)}}
            {{Flow("f2", catchId, "review")}}
            """, $"""<bpmn:message id="msg" name="supplement-{key}" />""");
        var harness = NewHarness();
        var started = await harness.StartAsync(Waiting("supplement"), businessKey: "BK-" + key);
        var v2 = (await harness.Engine.DeployAsync(Waiting("supplied"))).Definitions[0];

        var result = await harness.Engine.MigrateCasesAsync($"{key}:1", v2.Id, new Dictionary<string, string> { ["supplement"] = "supplied" }, null, "admin");

        Assert.Equal([started.Id], result.Migrated);
        Assert.Equal("supplied", Assert.Single(await Store.GetSubscriptionsAsync(started.Id)).ElementId);
        Assert.Equal(started.Id, await harness.Engine.CorrelateMessageAsync($"supplement-{key}", "BK-" + key, null, null));
        Assert.Equal("review", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        Assert.Contains("message-correlated", await harness.HistoryKindsAsync(started.Id, "supplied"));
    }

    [Fact]
    public async Task A_task_inside_a_sub_process_cannot_land_outside_it()
    {
        var key = NewKey();
        var v1 = Process(key, $$"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="stage">
              <bpmn:startEvent id="inner" />
              <bpmn:userTask id="review" />
              {{Flow("i1", "inner", "review")}}
            </bpmn:subProcess>
            {{Flow("f1", "start", "stage")}}
            """);
        var v2 = Process(key, $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" />
            {{Flow("f1", "start", "review")}}
            """);
        var harness = NewHarness();
        var started = await harness.StartAsync(v1);
        var target = (await harness.Engine.DeployAsync(v2)).Definitions[0];

        var result = await harness.Engine.MigrateCasesAsync($"{key}:1", target.Id, null, null, "admin");

        var problems = Assert.Single(result.Refused).Problems;
        Assert.Contains(problems, p => p.ElementId == "stage" && p.Message.Contains("mapped to no element", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "review" && p.Message.Contains("'review' lies in 'stage', which becomes 'nothing'", StringComparison.Ordinal));
        Assert.Equal(1, (await harness.CaseAsync(started.Id)).DefinitionVersion);
    }

    [Fact]
    public async Task Every_instance_of_a_multi_instance_task_moves_and_a_sequential_loop_is_another_kind()
    {
        var key = NewKey();
        string Loop(string id, bool sequential) => Process(key, $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="{{id}}"><bpmn:multiInstanceLoopCharacteristics isSequential="{{(sequential ? "true" : "false")}}"><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", id)}}
            {{Flow("f2", id, "end")}}
            """);
        var harness = NewHarness();
        var started = await harness.StartAsync(Loop("vote", sequential: false));
        var v2 = (await harness.Engine.DeployAsync(Loop("ballot", sequential: false))).Definitions[0];
        var v3 = (await harness.Engine.DeployAsync(Loop("poll", sequential: true))).Definitions[0];

        var kind = await Assert.ThrowsAsync<WorkflowInputException>(() =>
            harness.Engine.MigrateCasesAsync($"{key}:1", v3.Id, new Dictionary<string, string> { ["vote"] = "poll" }, null, "admin"));
        Assert.Contains("(userTask:parallel-multi-instance) cannot become 'poll' (userTask:sequential-multi-instance)", kind.Message, StringComparison.Ordinal);

        var result = await harness.Engine.MigrateCasesAsync($"{key}:1", v2.Id, new Dictionary<string, string> { ["vote"] = "ballot" }, null, "admin");

        Assert.Equal([started.Id], result.Migrated);
        var tasks = await harness.TasksAsync(started.Id);
        Assert.Equal(["ballot", "ballot", "ballot"], tasks.Select(t => t.ElementId));
        foreach (var task in tasks)
        {
            await harness.Engine.CompleteTaskAsync(task.Id, null, "tester");
        }

        Assert.Equal(InstanceStatus.Completed, (await harness.CaseAsync(started.Id)).Status);
    }

    [Fact]
    public async Task A_migration_racing_a_step_of_the_same_case_leaves_one_consistent_case()
    {
        var key = NewKey();
        var harness = NewHarness();
        var started = await harness.StartAsync(Review(key));
        var v2 = (await harness.Engine.DeployAsync(CheckThenApprove(key))).Definitions[0];
        var task = Assert.Single(await harness.TasksAsync(started.Id));

        var migrating = Task.Run(() => harness.Engine.MigrateCasesAsync($"{key}:1", v2.Id, ReviewBecomesCheck, [started.Id], "admin"));
        var completing = Task.Run(() => harness.Engine.CompleteTaskAsync(task.Id, null, "clerk"));
        await Task.WhenAll(migrating, completing);

        var migration = await migrating;
        var history = await Store.GetHistoryAsync(started.Id);
        Assert.Single(history, h => h.Kind == "task-completed");
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(h => h.Sequence));
        var @case = await harness.CaseAsync(started.Id);
        if (migration.Migrated.Count == 1)
        {
            // The migration won: the completion ran again on version 2, which goes on to the approval.
            Assert.True(history.ToList().FindIndex(h => h.Kind == "case-migrated") < history.ToList().FindIndex(h => h.Kind == "task-completed"));
            Assert.Equal(2, @case.DefinitionVersion);
            Assert.Equal(["approve"], @case.ActiveElementIds);
        }
        else
        {
            // The completion won: the case ended on version 1 and the migration says so.
            Assert.Contains("has ended", Assert.Single(Assert.Single(migration.Refused).Problems).Message, StringComparison.Ordinal);
            Assert.Equal((1, InstanceStatus.Completed), (@case.DefinitionVersion, @case.Status));
            Assert.DoesNotContain(history, h => h.Kind == "case-migrated");
        }
    }

    [Fact]
    public async Task An_event_sub_process_waiting_for_its_timer_moves_when_it_and_its_start_are_mapped()
    {
        var key = NewKey();
        string Overdue(string sub, string startId) => Process(key, $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="work" />
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", "work")}}
            {{Flow("f2", "work", "end")}}
            <bpmn:subProcess id="{{sub}}" triggeredByEvent="true">
              <bpmn:startEvent id="{{startId}}">{{Timer("P7D")}}</bpmn:startEvent>
              <bpmn:userTask id="chase" />
              {{Flow("o1", startId, "chase")}}
            </bpmn:subProcess>
            """);
        var harness = NewHarness();
        var started = await harness.StartAsync(Overdue("overdue", "tooLate"));
        var v2 = (await harness.Engine.DeployAsync(Overdue("late", "sevenDays"))).Definitions[0];

        var plan = await harness.Engine.PlanMigrationAsync($"{key}:1", v2.Id);
        Assert.Equal(["overdue", "tooLate"], plan.Unmapped.Select(u => u.ElementId));
        Assert.Equal("eventSubProcess", plan.Unmapped[0].Kind);
        Assert.Equal(["late"], plan.Unmapped[0].Candidates);
        var onlyStart = await harness.Engine.MigrateCasesAsync($"{key}:1", v2.Id, new Dictionary<string, string> { ["tooLate"] = "sevenDays" }, null, "admin");
        Assert.Contains(Assert.Single(onlyStart.Refused).Problems, p => p.ElementId == "overdue");

        var result = await harness.Engine.MigrateCasesAsync($"{key}:1", v2.Id,
            new Dictionary<string, string> { ["overdue"] = "late", ["tooLate"] = "sevenDays" }, null, "admin");

        Assert.Equal([started.Id], result.Migrated);
        Assert.Equal("sevenDays", Assert.Single(await Store.GetJobsAsync(started.Id)).ElementId);
        harness.Clock.Advance(TimeSpan.FromDays(7));
        await harness.RunJobsAsync();
        Assert.Equal(["chase"], (await harness.TasksAsync(started.Id)).Select(t => t.ElementId));
    }

    [Fact]
    public async Task A_case_waiting_in_a_renamed_call_activity_goes_on_in_the_new_version_when_its_child_ends()
    {
        var key = NewKey();
        var child = key + "-child";
        await NewHarness().Engine.DeployAsync(Process(child, $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="confirm" />
            {{Flow("c1", "start", "confirm")}}
            """));
        string Parent(string call, string after) => Process(key, $$"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="{{call}}" calledElement="{{child}}" />
            <bpmn:userTask id="{{after}}" />
            {{Flow("f1", "start", call)}}
            {{Flow("f2", call, after)}}
            """);
        var harness = NewHarness();
        var started = await harness.StartAsync(Parent("askStation", "review"));
        var v2 = (await harness.Engine.DeployAsync(Parent("askCity", "approve"))).Definitions[0];

        var result = await harness.Engine.MigrateCasesAsync($"{key}:1", v2.Id, new Dictionary<string, string> { ["askStation"] = "askCity" }, null, "admin");

        Assert.Equal([started.Id], result.Migrated);
        Assert.Equal(["askCity"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
        var childCase = Assert.Single(await Store.GetActiveInstanceIdsAsync(child, 1));
        await harness.CompleteAsync(childCase, "confirm");
        Assert.Equal(["approve"], (await harness.TasksAsync(started.Id)).Select(t => t.ElementId));
    }
}

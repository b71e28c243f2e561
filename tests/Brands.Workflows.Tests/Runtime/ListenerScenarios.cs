using System.Text.Json.Nodes;
using Brands.Workflows.Handlers;
using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

public abstract class ListenerScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static string Script(string @event, string code, string kind = "executionListener") =>
        $"""<camunda:{kind} event="{@event}"><camunda:script scriptFormat="javascript">{code}</camunda:script></camunda:{kind}>""";

    private static string Handler(string @event, string name, string kind = "taskListener", string inner = "") =>
        $"""<camunda:{kind} event="{@event}" delegateExpression="${"{"}{name}{"}"}">{inner}</camunda:{kind}>""";

    [Fact]
    public async Task Execution_listeners_run_at_the_process_and_element_start_and_end_in_order()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("listeners-execution", $$"""
            <bpmn:extensionElements>
              {{Script("start", "execution.setVariable('log', 'case-start');")}}
              {{Script("end", "execution.setVariable('log', log + ',case-end');")}}
            </bpmn:extensionElements>
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review">
              <bpmn:extensionElements>
                {{Script("start", "execution.setVariable('log', log + ',review-start');")}}
                <camunda:executionListener event="end" expression="${execution.setVariable('log', log + ',review-end')}" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="end"><bpmn:extensionElements>{{Script("end", "execution.setVariable('log', log + ',end-end');")}}</bpmn:extensionElements></bpmn:endEvent>
            {{Flow("f1", "start", "review")}}
            {{Flow("f2", "review", "end")}}
            """));
        Assert.Equal("case-start,review-start", started.Variables["log"]!.GetValue<string>());

        await harness.CompleteAsync(started.Id, "review");

        var done = await harness.CaseAsync(started.Id);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal("case-start,review-start,review-end,end-end,case-end", done.Variables["log"]!.GetValue<string>());
    }

    [Fact]
    public async Task Task_listeners_run_on_assignment_create_and_complete_with_the_task_they_are_about()
    {
        var notifier = new RecordingListener("notifyAssignee");
        var harness = NewHarness(listeners: notifier);
        var started = await harness.StartAsync(Process("listeners-task", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" name="审核" camunda:candidateGroups="reviewers">
              <bpmn:extensionElements>
                {{Handler("create", "notifyAssignee")}}
                {{Handler("assignment", "notifyAssignee")}}
                {{Handler("complete", "notifyAssignee")}}
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", "review")}}
            {{Flow("f2", "review", "end")}}
            """));
        var task = Assert.Single(await harness.TasksAsync(started.Id));

        await harness.Engine.ClaimTaskAsync(task.Id, "li.wei");
        await harness.Engine.CompleteTaskAsync(task.Id, new JsonObject { ["approved"] = true }, "li.wei");

        Assert.Equal(["create", "assignment", "complete"], notifier.Calls.Select(c => c.EventName));
        Assert.Equal([null, "li.wei", "li.wei"], notifier.Calls.Select(c => c.Task!.Assignee));
        Assert.All(notifier.Calls, c => Assert.Equal(("审核", task.Id, "reviewers"), (c.Task!.Name, c.Task.Id, c.Task.CandidateGroups)));
        Assert.True(notifier.Calls[^1].Approved);
    }

    [Fact]
    public async Task A_timeout_task_listener_reminds_on_its_cycle_while_the_task_is_open_and_stops_when_it_is_done()
    {
        var reminder = new RecordingListener("remind");
        var harness = NewHarness(listeners: reminder);
        var started = await harness.StartAsync(Process("listeners-timeout", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="submit" camunda:assignee="applicant">
              <bpmn:extensionElements>
                {{Handler("timeout", "remind", inner: "<bpmn:timerEventDefinition><bpmn:timeCycle>R/P7D</bpmn:timeCycle></bpmn:timerEventDefinition>")}}
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", "submit")}}
            {{Flow("f2", "submit", "end")}}
            """));

        for (var week = 0; week < 3; week++)
        {
            harness.Clock.Advance(TimeSpan.FromDays(7));
            await harness.RunJobsAsync();
        }

        Assert.Equal(3, reminder.Calls.Count(c => c.EventName == "timeout"));
        Assert.Equal("applicant", reminder.Calls[0].Task!.Assignee);
        Assert.Equal("submit", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        await harness.CompleteAsync(started.Id, "submit", user: "applicant");
        Assert.Empty(await harness.Store.GetJobsAsync(started.Id));
    }

    [Fact]
    public async Task A_failing_start_listener_parks_the_step_with_an_incident_and_a_failing_complete_listener_refuses_the_completion()
    {
        var failing = new RecordingListener("audit") { Fail = true };
        var harness = NewHarness(listeners: failing);
        var started = await harness.StartAsync(Process("listeners-failing", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="first"><bpmn:extensionElements>{{Handler("complete", "audit")}}</bpmn:extensionElements></bpmn:userTask>
            <bpmn:serviceTask id="second" camunda:expression="${1 + 1}" camunda:resultVariable="two">
              <bpmn:extensionElements>{{Handler("start", "audit", "executionListener")}}</bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", "first")}}
            {{Flow("f2", "first", "second")}}
            {{Flow("f3", "second", "end")}}
            """));

        var refused = await Assert.ThrowsAsync<WorkflowConflictException>(() => harness.CompleteAsync(started.Id, "first"));
        Assert.Contains("audit", refused.Message, StringComparison.Ordinal);
        Assert.Equal("first", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);

        failing.Fail = false;
        failing.FailOn = "start";
        await harness.CompleteAsync(started.Id, "first");
        var incident = Assert.Single(await harness.Store.GetOpenIncidentsAsync(started.Id));
        Assert.Equal("second", incident.ElementId);
        Assert.Contains("the start listener 'audit' of 'second' failed", incident.Message, StringComparison.Ordinal);

        failing.FailOn = null;
        await harness.Engine.RetryJobAsync(incident.JobId!.Value);
        await harness.RunJobsAsync();
        var done = await harness.CaseAsync(started.Id);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal(2, done.Variables["two"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_listener_naming_no_registered_handler_or_a_java_class_is_refused_at_deploy()
    {
        var harness = NewHarness();
        var refused = await Assert.ThrowsAsync<BpmnValidationException>(() => harness.Engine.DeployAsync(Process("listeners-refused", $$"""
            <bpmn:startEvent id="start"><bpmn:extensionElements>{{Handler("start", "nobodyRegisteredMe", "executionListener")}}</bpmn:extensionElements></bpmn:startEvent>
            <bpmn:userTask id="java"><bpmn:extensionElements><camunda:taskListener event="create" class="org.example.Notify" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:userTask id="groovy"><bpmn:extensionElements><camunda:taskListener event="create"><camunda:script scriptFormat="groovy">x</camunda:script></camunda:taskListener></bpmn:extensionElements></bpmn:userTask>
            {{Flow("f1", "start", "java")}}
            {{Flow("f2", "java", "groovy")}}
            """)));

        Assert.Contains(refused.Errors, e => e.ElementId == "start" && e.Message.Contains("nobodyRegisteredMe", StringComparison.Ordinal));
        Assert.Contains(refused.Errors, e => e.ElementId == "java" && e.Message.Contains("Java code", StringComparison.Ordinal));
        Assert.Contains(refused.Errors, e => e.ElementId == "groovy" && e.Message.Contains("groovy", StringComparison.Ordinal));
    }

    /// <summary>A listener handler that records what it saw, and can be told to fail.</summary>
    private sealed class RecordingListener(string name) : IListenerHandler
    {
        public string Name { get; } = name;
        public List<(string EventName, ListenerTask? Task, bool Approved)> Calls { get; } = [];
        public bool Fail { get; set; }
        public string? FailOn { get; set; }

        public Task ExecuteAsync(ListenerContext context, CancellationToken cancellationToken)
        {
            if (Fail || FailOn == context.EventName)
            {
                throw new InvalidOperationException("the audit log is not reachable");
            }

            Calls.Add((context.EventName, context.Task, context.GetVariable("approved")?.GetValue<bool>() == true));
            return Task.CompletedTask;
        }
    }
}

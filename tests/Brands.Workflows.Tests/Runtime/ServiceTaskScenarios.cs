using System.Text.Json.Nodes;
using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

public abstract class ServiceTaskScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static string Notify(string retry = "") => Process("notify", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="mail" camunda:type="external" camunda:topic="send-mail">
          {{(retry.Length > 0 ? $"<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>{retry}</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>" : "")}}
        </bpmn:serviceTask>
        <bpmn:sendTask id="receipt" camunda:type="external" camunda:topic="send-mail" />
        <bpmn:userTask id="after" />
        {{Flow("f1", "start", "mail")}}
        {{Flow("f2", "mail", "receipt")}}
        {{Flow("f3", "receipt", "after")}}
        """);

    [Fact]
    public async Task Service_and_send_tasks_call_the_handler_of_their_topic_which_may_set_variables()
    {
        var mail = new RecordingHandler("send-mail") { OnExecute = c => c.SetVariable("sent", c.ElementId) };
        var harness = NewHarness(handlers: mail);
        var started = await harness.StartAsync(Notify());

        Assert.Equal(["mail", "receipt"], mail.Calls.Select(c => c.ElementId));
        Assert.Equal(["after"], started.ActiveElementIds);
        Assert.Equal("receipt", started.Variables["sent"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_handler_is_retried_per_its_cycle_then_raises_an_incident_that_a_retry_resolves()
    {
        var mail = new RecordingHandler("send-mail") { FailuresToGo = 3 };
        var harness = NewHarness(handlers: mail);
        var started = await harness.StartAsync(Notify("R3/PT10M"));

        Assert.Equal(["mail"], started.ActiveElementIds);
        var job = Assert.Single(await Store.GetJobsAsync(started.Id));
        Assert.Equal(2, job.Retries);
        Assert.Equal(harness.Clock.GetUtcNow().AddMinutes(10), job.DueAt);
        Assert.Contains("the mail server is down", job.LastError, StringComparison.Ordinal);

        await harness.RunJobsAsync();
        Assert.Single(mail.Calls);

        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        await harness.RunJobsAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        await harness.RunJobsAsync();
        Assert.Equal(3, mail.Calls.Count);
        var incident = Assert.Single(await Store.GetOpenIncidentsAsync(started.Id));
        Assert.Equal("mail", incident.ElementId);
        Assert.Equal(0, Assert.Single(await Store.GetJobsAsync(started.Id)).Retries);

        await harness.Engine.RetryJobAsync(incident.JobId!.Value);
        Assert.Empty(await Store.GetOpenIncidentsAsync(started.Id));
        await harness.RunJobsAsync();
        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
        Assert.Empty(await Store.GetJobsAsync(started.Id));
    }

    [Fact]
    public async Task A_handler_that_fails_after_setting_a_variable_leaves_it_unset()
    {
        var mail = new RecordingHandler("send-mail")
        {
            OnExecute = c =>
            {
                c.SetVariable("sentAt", "2026-12-01T09:00:00+08:00");
                throw new InvalidOperationException("邮件服务器拒绝连接");
            },
        };
        var harness = NewHarness(handlers: mail);
        // One attempt: straight to an incident, leaving no due job behind in the store the test class shares.
        var started = await harness.StartAsync(Notify("R1/PT10M"));

        Assert.Equal(["mail"], started.ActiveElementIds);
        Assert.False(started.Variables.ContainsKey("sentAt"));
        Assert.DoesNotContain("variable-changed", await harness.HistoryKindsAsync(started.Id));
        var job = Assert.Single(await Store.GetJobsAsync(started.Id));
        Assert.Contains("邮件服务器拒绝连接", job.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bpmn_error_from_a_handler_is_caught_by_the_tasks_error_boundary_event()
    {
        var check = new RecordingHandler("check-quota") { BpmnErrorCode = "QUOTA_EXCEEDED" };
        var harness = NewHarness(handlers: check);
        var started = await harness.StartAsync(Process("quota", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="check" camunda:type="external" camunda:topic="check-quota" />
            <bpmn:boundaryEvent id="exceeded" attachedToRef="check">
              <bpmn:errorEventDefinition errorRef="quotaError" camunda:errorCodeVariable="reason" />
            </bpmn:boundaryEvent>
            <bpmn:userTask id="recommend" />
            <bpmn:userTask id="reject" />
            {{Flow("f1", "start", "check")}}
            {{Flow("f2", "check", "recommend")}}
            {{Flow("f3", "exceeded", "reject")}}
            """, """<bpmn:error id="quotaError" errorCode="QUOTA_EXCEEDED" />"""));

        Assert.Equal(["reject"], started.ActiveElementIds);
        Assert.Equal("QUOTA_EXCEEDED", started.Variables["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_error_boundary_with_another_code_does_not_catch_and_the_uncaught_error_ends_the_path()
    {
        var check = new RecordingHandler("check-quota") { BpmnErrorCode = "OTHER" };
        var harness = NewHarness(handlers: check);
        var started = await harness.StartAsync(Process("quota2", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="check" camunda:type="external" camunda:topic="check-quota" />
            <bpmn:boundaryEvent id="exceeded" attachedToRef="check">
              <bpmn:errorEventDefinition errorRef="quotaError" />
            </bpmn:boundaryEvent>
            <bpmn:userTask id="reject" />
            {{Flow("f1", "start", "check")}}
            {{Flow("f3", "exceeded", "reject")}}
            """, """<bpmn:error id="quotaError" errorCode="QUOTA_EXCEEDED" />"""));

        Assert.Equal(InstanceStatus.Completed, started.Status);
        Assert.Contains("error-uncaught", await harness.HistoryKindsAsync(started.Id));
    }

    [Fact]
    public async Task Async_before_and_after_hand_the_work_to_the_job_executor()
    {
        var mail = new RecordingHandler("send-mail");
        var harness = NewHarness(handlers: mail);
        var started = await harness.StartAsync(Process("async", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="mail" camunda:type="external" camunda:topic="send-mail" camunda:asyncBefore="true" camunda:asyncAfter="true" />
            <bpmn:userTask id="after" />
            {{Flow("f1", "start", "mail")}}
            {{Flow("f2", "mail", "after")}}
            """));

        Assert.Equal(["mail"], started.ActiveElementIds);
        Assert.Empty(mail.Calls);
        Assert.Equal(JobKind.AsyncBefore, Assert.Single(await Store.GetJobsAsync(started.Id)).Kind);

        Assert.Equal(1, await harness.Engine.ExecuteDueJobsAsync("node-a", 10));
        Assert.Single(mail.Calls);
        Assert.Equal(JobKind.AsyncAfter, Assert.Single(await Store.GetJobsAsync(started.Id)).Kind);

        await harness.RunJobsAsync();
        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
        Assert.Single(mail.Calls);
    }

    [Fact]
    public async Task Input_and_output_parameters_give_the_task_local_variables_and_map_results_back()
    {
        var score = new RecordingHandler("score")
        {
            OnExecute = c => c.SetVariable("result", JsonValue.Create(c.GetVariable("base")!.GetValue<double>() * 2)),
        };
        var harness = NewHarness(handlers: score);
        var started = await harness.StartAsync(Process("io", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="score" camunda:type="external" camunda:topic="score">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="base">${points + 1}</camunda:inputParameter>
                  <camunda:inputParameter name="result">${null}</camunda:inputParameter>
                  <camunda:outputParameter name="finalScore">${result}</camunda:outputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:userTask id="after" />
            {{Flow("f1", "start", "score")}}
            {{Flow("f2", "score", "after")}}
            """), new { points = 20 });

        Assert.Equal(42, started.Variables["finalScore"]!.GetValue<long>());
        Assert.False(started.Variables.ContainsKey("base"));
        Assert.False(started.Variables.ContainsKey("result"));
    }
}

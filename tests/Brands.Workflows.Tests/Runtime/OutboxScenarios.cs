using System.Text.Json.Nodes;
using Brands.Workflows.Handlers;
using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

/// <summary>The outbox (docs/engine.md, "Outbox"): messages commit with their step, once, and are claimed under a lease.</summary>
public abstract class OutboxScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IOutboxStore Outbox => (IOutboxStore)Store;

    private static string Notify(string process) => Process(process, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="mail" camunda:type="external" camunda:topic="notify" />
        <bpmn:userTask id="after" />
        {{Flow("f1", "start", "mail")}}
        {{Flow("f2", "mail", "after")}}
        """);

    private Task<IReadOnlyList<OutboxMessage>> MessagesOfAsync(Guid caseId) => Outbox.QueryOutboxAsync(new OutboxQuery { InstanceId = caseId }, Cancel);

    [Fact]
    public async Task A_message_a_handler_writes_is_committed_with_its_step_and_waits_to_be_sent()
    {
        var handler = new DelegateHandler("notify", c =>
        {
            c.EnqueueOutbox("email", new JsonObject { ["template"] = "task-reminder", ["case"] = c.BusinessKey });
            return Task.CompletedTask;
        });
        var harness = NewHarness([handler], []);

        var started = await harness.StartAsync(Notify("outbox-written"), businessKey: "2026-OUTBOX-1");

        var message = Assert.Single(await MessagesOfAsync(started.Id));
        Assert.Equal("email", message.Topic);
        Assert.Equal("mail", message.ElementId);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(0, message.Attempts);
        Assert.Equal("task-reminder", (string?)JsonNode.Parse(message.PayloadJson)!["template"]);
        Assert.Equal("2026-OUTBOX-1", (string?)JsonNode.Parse(message.PayloadJson)!["case"]);
        Assert.Equal(harness.Clock.GetUtcNow(), message.NextAttemptAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_step_run_again_after_losing_a_conflict_leaves_exactly_one_message()
    {
        EngineHarness harness = null!;
        Guid otherTask = default;
        var calls = 0;
        var handler = new DelegateHandler("notify", async c =>
        {
            c.EnqueueOutbox("email", new JsonObject { ["template"] = "case-outcome" });
            if (Interlocked.Increment(ref calls) == 1)
            {
                // Someone completes the other branch's task while this step runs: this command loses the race.
                await harness.Engine.CompleteTaskAsync(otherTask, null, "someone-else", Cancel);
            }
        });
        harness = NewHarness([handler], []);
        var started = await harness.StartAsync(Process("outbox-conflict", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="a" />
            <bpmn:serviceTask id="mail" camunda:type="external" camunda:topic="notify" />
            <bpmn:endEvent id="endA" />
            <bpmn:userTask id="b" />
            <bpmn:endEvent id="endB" />
            {{Flow("f1", "start", "fork")}}
            {{Flow("f2", "fork", "a")}}
            {{Flow("f3", "a", "mail")}}
            {{Flow("f4", "mail", "endA")}}
            {{Flow("f5", "fork", "b")}}
            {{Flow("f6", "b", "endB")}}
            """));
        var tasks = await harness.TasksAsync(started.Id);
        otherTask = tasks.Single(t => t.ElementId == "b").Id;

        await harness.CompleteAsync(started.Id, "a");

        Assert.Equal(2, calls);
        Assert.Equal(InstanceStatus.Completed, (await harness.CaseAsync(started.Id)).Status);
        var message = Assert.Single(await MessagesOfAsync(started.Id));
        Assert.Equal("mail", message.ElementId);
    }

    [Fact]
    public async Task A_step_that_fails_after_writing_a_message_leaves_none_and_its_successful_retry_leaves_one()
    {
        var failuresToGo = 1;
        var handler = new DelegateHandler("notify", c =>
        {
            c.EnqueueOutbox("email", new JsonObject { ["template"] = "escalation" });
            return failuresToGo-- > 0 ? throw new InvalidOperationException("the directory is down") : Task.CompletedTask;
        });
        var harness = NewHarness([handler], []);

        var started = await harness.StartAsync(Notify("outbox-failed-step"));

        Assert.Equal(["mail"], started.ActiveElementIds);
        Assert.Empty(await MessagesOfAsync(started.Id));

        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.RunJobsAsync();
        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
        Assert.Single(await MessagesOfAsync(started.Id));
    }

    [Fact]
    public async Task A_message_whose_dedupe_key_is_stored_already_is_not_written_again_and_the_step_commits()
    {
        var key = $"reminder:{Guid.NewGuid()}";
        var handler = new DelegateHandler("notify", c =>
        {
            c.EnqueueOutbox("email", new JsonObject { ["n"] = 1 }, key);
            c.EnqueueOutbox("email", new JsonObject { ["n"] = 2 }, key);
            return Task.CompletedTask;
        });
        var harness = NewHarness([handler], []);

        var first = await harness.StartAsync(Notify("outbox-dedupe"));
        var second = await harness.StartAsync(Notify("outbox-dedupe"));

        var message = Assert.Single(await MessagesOfAsync(first.Id));
        Assert.Equal(1, (int)JsonNode.Parse(message.PayloadJson)!["n"]!);
        Assert.Equal(key, message.DedupeKey);
        Assert.Empty(await MessagesOfAsync(second.Id));
        Assert.Equal(["after"], (await harness.CaseAsync(second.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task A_claimed_message_is_leased_to_one_node_until_it_is_marked_or_the_lease_lapses()
    {
        var topic = $"mail-{Guid.NewGuid():N}";
        var harness = NewHarness([new DelegateHandler("notify", c =>
        {
            c.EnqueueOutbox(topic, new JsonObject());
            return Task.CompletedTask;
        })], []);
        var started = await harness.StartAsync(Notify("outbox-lease"));
        var now = harness.Clock.GetUtcNow();

        var claimed = Assert.Single(await Outbox.ClaimOutboxAsync(topic, "node-1", now, now.AddMinutes(5), 10, Cancel));
        Assert.Equal(started.Id, claimed.InstanceId);
        Assert.Empty(await Outbox.ClaimOutboxAsync(topic, "node-2", now.AddMinutes(1), now.AddMinutes(6), 10, Cancel));
        Assert.False(await Outbox.MarkOutboxSentAsync(claimed.Id, "node-2", now, "to nobody", Cancel));

        // node-1 stalls past its lease; node-2 takes the message over, and node-1 can no longer record anything.
        var takenOver = Assert.Single(await Outbox.ClaimOutboxAsync(topic, "node-2", now.AddMinutes(6), now.AddMinutes(11), 10, Cancel));
        Assert.Equal(claimed.Id, takenOver.Id);
        Assert.False(await Outbox.MarkOutboxSentAsync(claimed.Id, "node-1", now.AddMinutes(6), "to zj-reviewer", Cancel));
        Assert.True(await Outbox.MarkOutboxSentAsync(claimed.Id, "node-2", now.AddMinutes(7), "to zj-reviewer", Cancel));

        var sent = (await Outbox.GetOutboxMessageAsync(claimed.Id, Cancel))!;
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal("to zj-reviewer", sent.Result);
        Assert.Null(sent.LockOwner);
        Assert.Equal(now.AddMinutes(7), sent.SentAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Outbox.ClaimOutboxAsync(topic, "node-3", now.AddHours(1), now.AddHours(2), 10, Cancel));
    }

    [Fact]
    public async Task A_failed_attempt_waits_for_its_next_attempt_the_last_one_fails_it_and_a_resend_makes_it_due_again()
    {
        var topic = $"mail-{Guid.NewGuid():N}";
        var harness = NewHarness([new DelegateHandler("notify", c =>
        {
            c.EnqueueOutbox(topic, new JsonObject());
            return Task.CompletedTask;
        })], []);
        await harness.StartAsync(Notify("outbox-retry"));
        var now = harness.Clock.GetUtcNow();
        var id = Assert.Single(await Outbox.ClaimOutboxAsync(topic, "node", now, now.AddMinutes(5), 10, Cancel)).Id;

        Assert.True(await Outbox.MarkOutboxFailedAsync(id, "node", "connection refused", now.AddMinutes(2), Cancel));
        Assert.Empty(await Outbox.ClaimOutboxAsync(topic, "node", now.AddMinutes(1), now.AddMinutes(6), 10, Cancel));
        var retried = Assert.Single(await Outbox.ClaimOutboxAsync(topic, "node", now.AddMinutes(2), now.AddMinutes(7), 10, Cancel));
        Assert.Equal(1, retried.Attempts);
        Assert.Equal("connection refused", retried.LastError);
        Assert.Equal(OutboxStatus.Pending, retried.Status);

        Assert.True(await Outbox.MarkOutboxFailedAsync(id, "node", "mailbox unavailable", null, Cancel));
        var failed = (await Outbox.GetOutboxMessageAsync(id, Cancel))!;
        Assert.Equal((OutboxStatus.Failed, 2, "mailbox unavailable"), (failed.Status, failed.Attempts, failed.LastError));
        Assert.Empty(await Outbox.ClaimOutboxAsync(topic, "node", now.AddDays(1), now.AddDays(2), 10, Cancel));
        Assert.Contains(await Outbox.QueryOutboxAsync(new OutboxQuery { Topic = topic, Status = OutboxStatus.Failed }, Cancel), m => m.Id == id);

        Assert.True(await Outbox.ResetOutboxMessageAsync(id, now.AddDays(1), Cancel));
        Assert.False(await Outbox.ResetOutboxMessageAsync(Guid.NewGuid(), now, Cancel));
        var again = Assert.Single(await Outbox.ClaimOutboxAsync(topic, "node", now.AddDays(1), now.AddDays(2), 10, Cancel));
        Assert.Equal((OutboxStatus.Pending, 0), (again.Status, again.Attempts));
    }

    [Fact]
    public async Task A_commit_observer_sees_created_and_assigned_tasks_and_its_messages_commit_with_them()
    {
        var observer = new AssignmentObserver();
        var harness = NewHarness([], [observer]);
        var started = await harness.StartAsync(Process("outbox-observed", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" name="Review" camunda:candidateGroups="reviewers:ZJ" />
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", "review")}}
            {{Flow("f2", "review", "end")}}
            """));
        var task = Assert.Single(await harness.TasksAsync(started.Id));

        Assert.Equal([$"created {task.Id} reviewers:ZJ"], observer.Seen);
        Assert.Single(await MessagesOfAsync(started.Id));

        await harness.Engine.ClaimTaskAsync(task.Id, "ann", Cancel);
        await harness.Engine.ClaimTaskAsync(task.Id, "ann", Cancel);
        await harness.Engine.CompleteTaskAsync(task.Id, null, "ann", Cancel);

        Assert.Equal([$"created {task.Id} reviewers:ZJ", $"assigned {task.Id} ann"], observer.Seen);
        var messages = await MessagesOfAsync(started.Id);
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.DedupeKey == $"task-assigned:{task.Id}:ann" && m.ElementId == "review");
    }

    private sealed class DelegateHandler(string topic, Func<ServiceTaskContext, Task> body) : IServiceTaskHandler
    {
        public string Topic { get; } = topic;

        public Task ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) => body(context);
    }

    private sealed class AssignmentObserver : ICommitObserver
    {
        public List<string> Seen { get; } = [];

        public void BeforeCommit(PendingCommit commit)
        {
            foreach (var task in commit.CreatedTasks)
            {
                Seen.Add($"created {task.Id} {task.CandidateGroups}");
                commit.EnqueueOutbox(task.InstanceId, task.ElementId, "email", new JsonObject { ["taskId"] = task.Id.ToString() }, $"task-created:{task.Id}");
            }

            foreach (var task in commit.AssignedTasks)
            {
                Seen.Add($"assigned {task.Id} {task.Assignee}");
                commit.EnqueueOutbox(task.InstanceId, task.ElementId, "email", new JsonObject { ["taskId"] = task.Id.ToString() },
                    $"task-assigned:{task.Id}:{task.Assignee}");
            }
        }
    }
}

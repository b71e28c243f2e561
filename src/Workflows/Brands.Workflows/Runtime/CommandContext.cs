using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Brands.Workflows.Persistence;

namespace Brands.Workflows.Runtime;

/// <summary>
/// One engine command's unit of work: the cases and tasks it touched, the tokens still to move, and the
/// <see cref="ChangeSet"/> committed at the end in one transaction.
/// </summary>
internal sealed class CommandContext(EngineServices services, string? userId)
{
    private readonly Dictionary<Guid, CaseRuntime> _cases = [];
    private readonly Dictionary<Guid, TaskRecord> _tasks = [];
    /// <summary>The assignee each loaded task had when it was read, to tell which tasks this command assigned.</summary>
    private readonly Dictionary<Guid, string?> _assigneesAsRead = [];
    private readonly Dictionary<Guid, InstanceRecord> _readAhead = [];
    private readonly Dictionary<string, DefinitionRecord> _latestDefinitions = new(StringComparer.Ordinal);
    private readonly Queue<(CaseRuntime Case, TokenState Token)> _agenda = new();
    private string? _nowTextCache;

    private string NowText => _nowTextCache ??= Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public EngineServices Services { get; } = services;
    public string? UserId { get; } = userId;
    public ChangeSet Changes { get; } = new();
    /// <summary>The command's instant, in microseconds, as PostgreSQL stores it: history hashes verify from the database.</summary>
    public DateTimeOffset Now { get; } = Truncate(services.Time.GetUtcNow());

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);
    public int Steps { get; set; }

    /// <summary>Attempts left for a token whose retry job is running now (its failure uses these, not the cycle).</summary>
    public Dictionary<string, int> RetriesLeft { get; } = [];

    public IEnumerable<CaseRuntime> Cases => _cases.Values;

    public void Schedule(CaseRuntime @case, TokenState token) => _agenda.Enqueue((@case, token));

    public bool TryNext(out CaseRuntime @case, out TokenState token)
    {
        if (_agenda.TryDequeue(out var item))
        {
            (@case, token) = item;
            return true;
        }

        (@case, token) = (null!, null!);
        return false;
    }

    public void Track(CaseRuntime @case) => _cases[@case.Id] = @case;

    /// <summary>Drops a case this command loaded but did not change, so the next load reads it afresh.</summary>
    public void Forget(Guid caseId) => _cases.Remove(caseId);

    /// <summary>A case record read before the command ran (the job executor reads a batch's cases in one query): <see cref="LoadCaseAsync"/> takes it instead of reading.</summary>
    public void ReadAhead(InstanceRecord instance) => _readAhead[instance.Id] = instance;

    public async Task<CaseRuntime> LoadCaseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (_cases.TryGetValue(id, out var loaded))
        {
            return loaded;
        }

        var record = (_readAhead.Remove(id, out var read) ? read : null)
            ?? await Services.Store.GetInstanceAsync(id, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Case {id} does not exist.");
        var process = await Services.Definitions.GetProcessAsync(record.DefinitionId, cancellationToken);
        var runtime = new CaseRuntime(record, process, isNew: false);
        _cases[id] = runtime;
        return runtime;
    }

    /// <summary>
    /// The latest version of a process, to start a case of; the commit is made conditional on it still being the
    /// latest (<see cref="ChangeSet.LatestDefinitionVersions"/>). One command starts every case of a key on the
    /// same version, the one it looked up first, so the condition covers them all.
    /// </summary>
    public async Task<DefinitionRecord?> LatestDefinitionAsync(string key, CancellationToken cancellationToken)
    {
        if (_latestDefinitions.TryGetValue(key, out var known))
        {
            return known;
        }

        var definition = await Services.Definitions.GetLatestAsync(key, cancellationToken);
        if (definition is not null)
        {
            _latestDefinitions[key] = definition;
            Changes.LatestDefinitionVersions[key] = definition.Version;
        }

        return definition;
    }

    public async Task<TaskRecord> LoadTaskAsync(Guid id, CancellationToken cancellationToken)
    {
        if (_tasks.TryGetValue(id, out var loaded))
        {
            return loaded;
        }

        // The case comes along (one query): task commands go on to load it, unless this command already has.
        var (task, instance) = await Services.Store.GetTaskWithInstanceAsync(id, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Task {id} does not exist.");
        _tasks[id] = task;
        _assigneesAsRead[id] = task.Assignee;
        if (!_cases.ContainsKey(instance.Id))
        {
            _readAhead[instance.Id] = instance;
        }

        return task;
    }

    /// <summary>Records that a loaded task changed; written with a version check.</summary>
    public void TaskChanged(TaskRecord task)
    {
        if (Changes.NewTasks.Contains(task) || Changes.UpdatedTasks.Contains(task))
        {
            return;
        }

        Changes.UpdatedTasks.Add(task);
        Changes.ExpectedVersions[task.Id] = task.Version;
    }

    public void AddTask(TaskRecord task)
    {
        _tasks[task.Id] = task;
        Changes.NewTasks.Add(task);
    }

    /// <summary>Open tasks this command gave a new assignee (a claim or an assignment), as they stand now.</summary>
    public IEnumerable<TaskRecord> AssignedTasks() => Changes.UpdatedTasks.Where(t => t.State == TaskState.Open && t.Assignee is not null
        && _assigneesAsRead.TryGetValue(t.Id, out var before) && before != t.Assignee);

    /// <summary>
    /// Writes an outbox message with the command (docs/engine.md, "Outbox"); a step that fails takes it back with its
    /// other effects (<see cref="RollBack"/>). A key already written by this command is not written twice.
    /// </summary>
    public void EnqueueOutbox(Guid? caseId, string? elementId, string topic, string payloadJson, string? dedupeKey)
    {
        if (dedupeKey is not null && Changes.NewOutboxMessages.Exists(m => m.DedupeKey == dedupeKey))
        {
            return;
        }

        Changes.NewOutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(Now),
            Topic = topic,
            PayloadJson = payloadJson,
            DedupeKey = dedupeKey,
            InstanceId = caseId,
            ElementId = elementId,
            Status = OutboxStatus.Pending,
            NextAttemptAt = Now,
            CreatedAt = Now,
        });
    }

    /// <summary>
    /// Appends a history entry. Entries are numbered and chained by hash when the command flushes; an element
    /// entered and left with nothing in between is written once, as <c>element-passed</c>.
    /// </summary>
    public void History(CaseRuntime @case, string kind, string? elementId, JsonObject? data = null, string? userId = null)
    {
        var user = userId ?? UserId;
        if (kind == "element-left" && _pending.Count > 0 && _pending[^1] is var last
            && last.Case == @case && last.Kind == "element-entered" && last.ElementId == elementId && last.UserId == user)
        {
            _pending[^1] = last with { Kind = "element-passed", Data = data };
            return;
        }

        _pending.Add(new PendingEntry(@case, kind, elementId, user, data));
    }

    private readonly List<PendingEntry> _pending = [];

    internal sealed record PendingEntry(CaseRuntime Case, string Kind, string? ElementId, string? UserId, JsonObject? Data);

    private readonly List<VariableWrite> _variableWrites = [];

    private sealed record VariableWrite(JsonObject Target, string Name, bool Existed, JsonNode? Old);

    /// <summary>Where a step began, for <see cref="RollBack"/>: what it may undo are its variable writes, history and outbox messages.</summary>
    public readonly record struct StepMark(int History, PendingEntry? LastEntry, int Outbox);

    /// <summary>Marks the start of a step (one token entering or leaving an element).</summary>
    public StepMark BeginStep()
    {
        _variableWrites.Clear();
        return new StepMark(_pending.Count, _pending.Count > 0 ? _pending[^1] : null, Changes.NewOutboxMessages.Count);
    }

    /// <summary>Notes a variable about to be written, so that a failing step can put it back.</summary>
    public void BeforeVariableWrite(JsonObject target, string name, JsonNode? old) =>
        _variableWrites.Add(new VariableWrite(target, name, target.ContainsKey(name), old));

    /// <summary>
    /// Undoes what a failed step did to variables, history and the outbox since <paramref name="mark"/>, as Camunda rolls a
    /// failed step back to the last wait state: a script that set a variable and then threw leaves no trace but the
    /// incident, and running the step again starts from the same values.
    /// </summary>
    public void RollBack(StepMark mark)
    {
        for (var i = _variableWrites.Count - 1; i >= 0; i--)
        {
            var write = _variableWrites[i];
            if (write.Existed)
            {
                write.Target[write.Name] = write.Old;
            }
            else
            {
                write.Target.Remove(write.Name);
            }
        }

        _variableWrites.Clear();
        _pending.RemoveRange(mark.History, _pending.Count - mark.History);
        Changes.NewOutboxMessages.RemoveRange(mark.Outbox, Changes.NewOutboxMessages.Count - mark.Outbox);
        if (mark.LastEntry is { } last)
        {
            // The only entry before the mark a step can change: an element-entered it turned into element-passed.
            _pending[mark.History - 1] = last;
        }
    }

    private void FlushHistory()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in _pending)
        {
            var state = entry.Case.State;
            var sequence = ++state.HistorySequence;
            var json = entry.Data?.ToJsonString();
            var hash = HistoryHash.Compute(hasher, state.LastHash, entry.Case.Id, sequence, NowText, entry.Kind, entry.ElementId, entry.UserId, json);
            Changes.History.Add(new HistoryRecord
            {
                // The hash is unique already; taking the id from it saves a random number per entry.
                Id = new Guid(Convert.FromHexString(hash.AsSpan(0, 32))),
                InstanceId = entry.Case.Id,
                Sequence = sequence,
                At = Now,
                Kind = entry.Kind,
                ElementId = entry.ElementId,
                UserId = entry.UserId,
                DataJson = json,
                PreviousHash = state.LastHash,
                Hash = hash,
            });
            state.LastHash = hash;
        }

        _pending.Clear();
    }

    /// <summary>Writes every touched case's state into the change set.</summary>
    public void Flush()
    {
        FlushHistory();
        foreach (var @case in _cases.Values)
        {
            @case.Record.StateJson = @case.State.Serialize();
            @case.Record.VariablesJson = @case.Variables.ToJsonString();
            if (@case.IsNew)
            {
                Changes.NewInstances.Add(@case.Record);
            }
            else
            {
                Changes.UpdatedInstances.Add(@case.Record);
                Changes.ExpectedVersions[@case.Id] = @case.Record.Version;
            }
        }
    }
}

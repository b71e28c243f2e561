using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Brands.Workflows.Runtime;

/// <summary>Token states as serialised.</summary>
internal static class TokenStates
{
    /// <summary>About to enter its element.</summary>
    public const string Ready = "ready";
    /// <summary>About to leave its element.</summary>
    public const string Leaving = "leaving";
    /// <summary>In a wait state: a task, a receive task, a sub-process or call activity, a multi-instance body.</summary>
    public const string Waiting = "waiting";
    /// <summary>Arrived at a joining gateway, waiting for the others.</summary>
    public const string Joining = "joining";
    /// <summary>Waits for an asyncBefore job.</summary>
    public const string AsyncBefore = "async-before";
    /// <summary>Waits for an asyncAfter job.</summary>
    public const string AsyncAfter = "async-after";
    /// <summary>Failed; a retry job or an incident holds it.</summary>
    public const string Failed = "failed";
}

/// <summary>Scope kinds as serialised. The root scope is implicit and holds the case variables.</summary>
internal static class ScopeKinds
{
    public const string Root = "root";
    public const string SubProcess = "sub-process";
    public const string MultiInstanceBody = "mi-body";
    public const string MultiInstanceInner = "mi-inner";
}

/// <summary>The running state of a case: its tokens and nested scopes, serialised into the instance row.</summary>
internal sealed class InstanceState
{
    public List<ScopeState> Scopes { get; set; } = [];
    public List<TokenState> Tokens { get; set; } = [];
    public long HistorySequence { get; set; }
    public string? LastHash { get; set; }
    public int NextId { get; set; }
    /// <summary>The timers and subscriptions of the process's own event sub-processes; null for a process without any.</summary>
    public RootWaits? Root { get; set; }

    public string NewId(string prefix) => $"{prefix}{++NextId}";

    public string Serialize() => JsonSerializer.Serialize(this, InstanceStateJson.Default.InstanceState);

    public static InstanceState Deserialize(string json) =>
        JsonSerializer.Deserialize(json, InstanceStateJson.Default.InstanceState) ?? new InstanceState();
}

/// <summary>Source-generated (de)serialisation of the state: it runs twice per command.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(InstanceState))]
internal sealed partial class InstanceStateJson : JsonSerializerContext;

/// <summary>What holds timers and subscriptions: a token, or a scope for its event sub-processes.</summary>
internal interface IWaitHolder
{
    string Id { get; }
    List<EventWait>? Waits { get; set; }
}

/// <summary>The root scope's waits (it has no <see cref="ScopeState"/> of its own).</summary>
internal sealed class RootWaits : IWaitHolder
{
    [JsonIgnore]
    public string Id => ScopeKinds.Root;
    public List<EventWait>? Waits { get; set; }
}

internal sealed class ScopeState : IWaitHolder
{
    public string Id { get; set; } = "";
    public string ParentId { get; set; } = ScopeKinds.Root;
    public string Kind { get; set; } = "";
    public string ElementId { get; set; } = "";
    /// <summary>The token in the parent scope that waits while this scope runs.</summary>
    public string OwnerTokenId { get; set; } = "";
    public JsonObject Variables { get; set; } = [];
    /// <summary>Multi-instance body: the collection being iterated, fixed when the body starts.</summary>
    public JsonArray? Items { get; set; }
    /// <summary>The timers and subscriptions of the event sub-processes inside this sub-process.</summary>
    public List<EventWait>? Waits { get; set; }
}

internal sealed class TokenState : IWaitHolder
{
    public string Id { get; set; } = "";
    public string ScopeId { get; set; } = ScopeKinds.Root;
    public string ElementId { get; set; } = "";
    public string State { get; set; } = TokenStates.Ready;
    /// <summary>The sequence flow the token arrived by, for joins.</summary>
    public string? ArrivedVia { get; set; }
    /// <summary>An instance inside a multi-instance body (its element is the activity itself).</summary>
    public bool MultiInstanceInner { get; set; }
    /// <summary>The token failed while leaving its element: a retry leaves again instead of re-entering.</summary>
    public bool ResumeLeaving { get; set; }
    /// <summary>The output mappings ran; a retry of a failed leave must not run them again without the locals.</summary>
    public bool OutputsDone { get; set; }
    /// <summary>An async continuation already happened; do not wait again.</summary>
    public bool AsyncDone { get; set; }
    /// <summary>The activity's local variables (<c>camunda:inputParameter</c>).</summary>
    public JsonObject? Variables { get; set; }
    public Guid? TaskId { get; set; }
    public Guid? JobId { get; set; }
    public Guid? CalledCaseId { get; set; }
    /// <summary>
    /// The timers and subscriptions this token waits on: its own (a catch event, a receive task's message), its
    /// activity's boundary events, or an event-based gateway's branches. Cancelling or moving the token removes them.
    /// </summary>
    public List<EventWait>? Waits { get; set; }
}

/// <summary>A timer (a job row) or a message or signal subscription (a subscription row) a token holds.</summary>
internal sealed class EventWait
{
    /// <summary>The job's or the subscription's id.</summary>
    public Guid Id { get; set; }
    /// <summary>The event that fires: the catch event, the boundary event, the receive task.</summary>
    public string ElementId { get; set; } = "";
    public bool IsTimer { get; set; }
    /// <summary>For a timeout task listener's timer: which of the user task's listeners it runs.</summary>
    public int? ListenerIndex { get; set; }
}

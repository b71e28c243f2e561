namespace Brands.Workflows.Model;

/// <summary>A <c>process</c> element.</summary>
public sealed class ProcessModel(string id, string? name, int line, bool isExecutable)
{
    public string Id { get; } = id;
    public string? Name { get; } = name;
    public int Line { get; } = line;
    public bool IsExecutable { get; } = isExecutable;
    /// <summary><c>camunda:versionTag</c>: a name for this version that call activities can bind to.</summary>
    public string? VersionTag { get; init; }
    public FlowContainer Body { get; } = new(id);

    /// <summary>The process's own <c>camunda:executionListener</c>s: <c>start</c> when a case starts, <c>end</c> when it ends.</summary>
    public List<Listener> ExecutionListeners { get; } = [];

    /// <summary>
    /// The IANA time zone timers of this process are read in (local dates, periods across days, cron): the process's
    /// <c>camunda:property name="timeZone"</c>, by default Asia/Shanghai.
    /// </summary>
    public string TimeZone { get; internal set; } = DefaultTimeZone;

    /// <summary>The process's own <c>camunda:properties</c>, by name (the first of a name wins).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary><see cref="Properties"/> with the line each stands on, for a host's checks at deployment.</summary>
    public IReadOnlyDictionary<string, Handlers.ProcessProperty> PropertyLines { get; internal set; } =
        new Dictionary<string, Handlers.ProcessProperty>(StringComparer.Ordinal);

    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>Every node of the process, sub-processes included, by id.</summary>
    public Dictionary<string, FlowNode> AllNodes { get; } = new(StringComparer.Ordinal);
}

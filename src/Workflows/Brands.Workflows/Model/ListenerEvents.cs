namespace Brands.Workflows.Model;

/// <summary>Listener events as written in <c>event="…"</c>.</summary>
public static class ListenerEvents
{
    public const string Start = "start";
    public const string End = "end";
    public const string Create = "create";
    public const string Assignment = "assignment";
    public const string Complete = "complete";
    public const string Timeout = "timeout";
}

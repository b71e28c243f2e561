namespace Brands.Workflows.Persistence;

/// <summary>Human task states as stored.</summary>
public static class TaskState
{
    public const string Open = "open";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
}

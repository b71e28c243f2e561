namespace Brands.Workflows.Persistence;

/// <summary>Instance (case) status values as stored.</summary>
public static class InstanceStatus
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Terminated = "terminated";
}

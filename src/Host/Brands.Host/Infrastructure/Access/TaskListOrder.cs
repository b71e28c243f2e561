namespace Brands.Host.Infrastructure.Access;

/// <summary>The two orders task lists show: the inbox's (due first, undated last, then oldest) and the API's (oldest first).</summary>
internal enum TaskListOrder
{
    DueFirst,
    OldestFirst,
}

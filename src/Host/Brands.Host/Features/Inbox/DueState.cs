namespace Brands.Host.Features.Inbox;

/// <summary>How a task's due date stands now: overdue, due within <see cref="InboxQuery.DueSoon"/>, or neither.</summary>
internal enum DueState
{
    None,
    DueSoon,
    Overdue,
}

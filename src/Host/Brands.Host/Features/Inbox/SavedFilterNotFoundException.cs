namespace Brands.Host.Features.Inbox;

/// <summary>No saved filter with this id belongs to the user.</summary>
internal sealed class SavedFilterNotFoundException(long id) : Exception($"You have no saved filter with id {id}.");

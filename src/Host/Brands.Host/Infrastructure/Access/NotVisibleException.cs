namespace Brands.Host.Infrastructure.Access;

/// <summary>
/// The case or task does not exist, or the user may not see it: answered with the same 404 either way, so an id
/// tells a stranger nothing.
/// </summary>
internal sealed class NotVisibleException(string what, Guid id) : Exception($"No {what} with id '{id}'.");

namespace Brands.Host.Infrastructure.Access;

/// <summary>The user sees the thing but may not do this to it: 403 with the reason.</summary>
internal sealed class AccessDeniedException(string message) : Exception(message);

namespace Brands.Host.Infrastructure.Email;

/// <summary>A message that no retry can send (an unknown template, nobody with an address): marked failed at once.</summary>
internal sealed class PermanentMailException(string message) : Exception(message);

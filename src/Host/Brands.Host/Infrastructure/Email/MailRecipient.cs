namespace Brands.Host.Infrastructure.Email;

/// <summary>A user a message goes to, with their address and how they want mail.</summary>
internal sealed record MailRecipient(string UserName, string? DisplayName, string? Email, string Language, string Delivery);

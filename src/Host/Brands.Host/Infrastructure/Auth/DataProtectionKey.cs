namespace Brands.Host.Infrastructure.Auth;

/// <summary>One key of the data-protection key ring (table <c>data_protection_keys</c>), which signs tokens and cookies.</summary>
internal sealed class DataProtectionKey
{
    public int Id { get; init; }
    public string? FriendlyName { get; init; }
    public required string Xml { get; init; }
}

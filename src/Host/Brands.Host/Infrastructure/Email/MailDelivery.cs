namespace Brands.Host.Infrastructure.Email;

/// <summary>How a user receives notifications: each as it happens, or collected into one mail a day.</summary>
internal static class MailDelivery
{
    public const string Immediate = "immediate";
    public const string Digest = "digest";

    public static IReadOnlyList<string> All { get; } = [Immediate, Digest];
}

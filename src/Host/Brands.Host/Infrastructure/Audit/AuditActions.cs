namespace Brands.Host.Infrastructure.Audit;

/// <summary>Audit actions that are not the name of a request.</summary>
internal static class AuditActions
{
    public const string SignIn = "SignIn";
    public const string Succeeded = "succeeded";
}

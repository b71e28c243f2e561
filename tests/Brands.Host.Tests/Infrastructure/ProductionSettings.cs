namespace Brands.Host.Tests.Infrastructure;

/// <summary>The first national administrator a production fixture is started with (README, "Production start").</summary>
public static class ProductionSettings
{
    public const string AdminUserName = "chief";
    public const string AdminPassword = "Chief-First-1!";

    public static IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>
    {
        ["Bootstrap:AdminUserName"] = AdminUserName,
        ["Bootstrap:AdminPassword"] = AdminPassword,
        ["Bootstrap:AdminEmail"] = "chief@example.cn",
    };
}

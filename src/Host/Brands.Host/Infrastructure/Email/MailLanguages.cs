namespace Brands.Host.Infrastructure.Email;

/// <summary>The languages mail is written in; Chinese unless the user chose English.</summary>
internal static class MailLanguages
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>
/// Encrypts the data-protection keys stored in the database with an X.509 certificate (README, "Production start",
/// <c>DataProtection:*</c>): whoever reads the table without the certificate's private key cannot forge cookies or
/// bearer tokens. Without a certificate the keys are stored as they are (the host logs a warning).
/// </summary>
internal static class KeyRingProtection
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// Configures the certificate that encrypts new keys and, with the earlier certificates, decrypts stored ones.
    /// A certificate that cannot be loaded, or has no private key, stops the start with the setting named.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var current = Load(section, "Certificate");
        if (current is null)
        {
            return builder;
        }

        var earlier = section.GetSection("PreviousCertificates").GetChildren()
            .Select(child => Load(section, $"PreviousCertificates:{child.Key}"))
            .OfType<X509Certificate2>();
        return builder.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. earlier]);
    }

    /// <summary>The PKCS#12 file at <c>{key}:Path</c> with the password at <c>{key}:Password</c>; null when no path is set.</summary>
    private static X509Certificate2? Load(IConfigurationSection section, string key)
    {
        var setting = $"{SectionName}:{key}:Path";
        var path = section[$"{key}:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section[$"{key}:Password"]);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting}: '{path}' could not be read as a PKCS#12 certificate with the password given: {e.Message}", e);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{setting}: the certificate in '{path}' has no private key; the key ring could not be decrypted with it.");
        }

        return certificate;
    }
}

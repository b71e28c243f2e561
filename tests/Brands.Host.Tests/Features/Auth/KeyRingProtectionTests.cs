using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Persistence;
using Brands.Host.Tests.Infrastructure;
using Brands.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Brands.Host.Tests.Features.Auth;

/// <summary>
/// The data-protection keys in the database encrypted with a certificate (README, "Production start",
/// <c>DataProtection:*</c>): unreadable without it, shared by every node that has it, readable after a rotation.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string Password = "pfx-Secret-1";
    private readonly List<SqliteTestDatabase> _databases = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("brands-keyring-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stored_keys_are_encrypted_and_a_token_from_one_node_opens_another_with_the_same_certificate()
    {
        var database = NewDatabase();
        var certificate = WriteCertificate("current", withPrivateKey: true);
        await using var first = Host(database, ("DataProtection:Certificate:Path", certificate), ("DataProtection:Certificate:Password", Password));
        first.StartServer();
        var token = await SignInAsync(first);

        var stored = await StoredKeysAsync(database);
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });

        await using var second = Host(database, ("DataProtection:Certificate:Path", certificate), ("DataProtection:Certificate:Password", Password));
        second.StartServer();
        Assert.Equal(HttpStatusCode.OK, await ListUsersAsync(second, token));
    }

    [Fact]
    public async Task After_a_rotation_the_earlier_certificate_still_opens_the_keys_it_encrypted()
    {
        var database = NewDatabase();
        var earlier = WriteCertificate("earlier", withPrivateKey: true);
        string token;
        await using (var before = Host(database, ("DataProtection:Certificate:Path", earlier), ("DataProtection:Certificate:Password", Password)))
        {
            before.StartServer();
            token = await SignInAsync(before);
        }

        var current = WriteCertificate("current", withPrivateKey: true);
        await using var after = Host(database,
            ("DataProtection:Certificate:Path", current), ("DataProtection:Certificate:Password", Password),
            ("DataProtection:PreviousCertificates:0:Path", earlier), ("DataProtection:PreviousCertificates:0:Password", Password));
        after.StartServer();
        Assert.Equal(HttpStatusCode.OK, await ListUsersAsync(after, token));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong-password")]
    [InlineData("no-private-key")]
    public async Task A_certificate_that_cannot_protect_the_keys_stops_the_start_naming_the_setting(string fault)
    {
        var database = NewDatabase();
        var (path, password) = fault switch
        {
            "missing" => (Path.Combine(_folder, "nowhere.pfx"), Password),
            "wrong-password" => (WriteCertificate("locked", withPrivateKey: true), "not-the-password"),
            _ => (WriteCertificate("public-only", withPrivateKey: false), Password),
        };
        await using var host = Host(database, ("DataProtection:Certificate:Path", path), ("DataProtection:Certificate:Password", password));

        var refused = Assert.ThrowsAny<Exception>(host.StartServer);

        var message = string.Join(" | ", Unwrap(refused).Select(e => e.Message));
        Assert.Contains("DataProtection:Certificate:Path", message, StringComparison.Ordinal);
        Assert.Contains(fault == "no-private-key" ? "no private key" : "could not be read", message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _databases.ForEach(d => d.Dispose());
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteTestDatabase NewDatabase()
    {
        var database = SqliteTestDatabase.Create("keyring");
        _databases.Add(database);
        return database;
    }

    private static BrandsHostFactory Host(SqliteTestDatabase database, params (string Key, string Value)[] settings) =>
        new(DatabaseProvider.Sqlite, database.ConnectionString, settings: settings.ToDictionary(s => s.Key, s => s.Value));

    /// <summary>A self-signed RSA certificate as a password-protected PKCS#12 file; without its private key if asked.</summary>
    private string WriteCertificate(string name, bool withPrivateKey)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=brands-keyring-{name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var exported = withPrivateKey ? certificate : X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        var path = Path.Combine(_folder, $"{name}.pfx");
        File.WriteAllBytes(path, exported.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    private static async Task<string> SignInAsync(BrandsHostFactory host)
    {
        using var client = host.CreateClient();
        using var signedIn = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = BrandsHostFactory.AdminPassword }, Cancel);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        return (string)(await signedIn.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["accessToken"]!;
    }

    private static async Task<HttpStatusCode> ListUsersAsync(BrandsHostFactory host, string token)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var listed = await client.GetAsync("/api/admin/users", Cancel);
        return listed.StatusCode;
    }

    private static async Task<List<string>> StoredKeysAsync(SqliteTestDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys";
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var keys = new List<string>();
        while (await reader.ReadAsync(Cancel))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static IEnumerable<Exception> Unwrap(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Brands.Workflows.EntityFrameworkCore.Migrations;

/// <summary>One forward-only schema change: its id (the file name), its SQL and the SQL's checksum.</summary>
internal sealed record SchemaMigration(string Id, string Sql, string Checksum)
{
    /// <summary>Ids in <c>schema_migrations</c> carry this prefix, so other components may share the table.</summary>
    public const string IdPrefix = "workflows/";

    /// <summary>The embedded migrations of one provider, in the order they apply.</summary>
    public static IReadOnlyList<SchemaMigration> For(WorkflowDatabaseProvider provider)
    {
        var folder = $"Migrations/{provider}/";
        var assembly = typeof(SchemaMigration).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Select(name => name.Replace('\\', '/'))
            .Where(name => name.StartsWith(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Load(assembly, name, folder))];
    }

    private static SchemaMigration Load(System.Reflection.Assembly assembly, string name, string folder)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded migration {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Line endings are normalised so a checkout with CRLF does not look like an edited migration.
        var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var id = IdPrefix + name[folder.Length..^".sql".Length];
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new SchemaMigration(id, sql, checksum);
    }
}

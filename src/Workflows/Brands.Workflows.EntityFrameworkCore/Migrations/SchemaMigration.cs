using System.Security.Cryptography;
using System.Text;

namespace Brands.Workflows.EntityFrameworkCore.Migrations;

/// <summary>One forward-only schema change: its id (the file name), its SQL and the SQL's checksum.</summary>
internal sealed record SchemaMigration(string Id, string Sql, string Checksum)
{
    /// <summary>The engine's embedded migrations of one provider, in the order they apply.</summary>
    public static IReadOnlyList<SchemaMigration> For(WorkflowDatabaseProvider provider) =>
        For(SchemaMigrationSource.Workflows, provider);

    /// <summary>The embedded migrations of a source for one provider, in the order they apply.</summary>
    public static IReadOnlyList<SchemaMigration> For(SchemaMigrationSource source, WorkflowDatabaseProvider provider)
    {
        var folder = $"{source.ResourceFolder}/{provider}/";
        return [.. source.Assembly.GetManifestResourceNames()
            .Select(name => name.Replace('\\', '/'))
            .Where(name => name.StartsWith(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Load(source, name, folder))];
    }

    private static SchemaMigration Load(SchemaMigrationSource source, string name, string folder)
    {
        var assembly = source.Assembly;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded migration {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Line endings are normalised so a checkout with CRLF does not look like an edited migration.
        var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var id = source.IdPrefix + name[folder.Length..^".sql".Length];
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new SchemaMigration(id, sql, checksum);
    }
}

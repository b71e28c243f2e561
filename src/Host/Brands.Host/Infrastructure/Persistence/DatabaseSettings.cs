using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Persistence;

/// <summary>Which database the host uses: <c>Database:Provider</c> and <c>ConnectionStrings:Brands</c>.</summary>
internal sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Brands";

    /// <summary>SQLite is the default: a file <c>data/brands.db</c> under the content root, its folder created.</summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration[ProviderKey];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText)
            && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is '{providerText}'; expected {DatabaseProvider.Sqlite} or {DatabaseProvider.PostgreSql}.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                throw new InvalidOperationException(
                    $"{ProviderKey} is PostgreSql but ConnectionStrings:{ConnectionStringName} is not set.");
            }

            var dataFolder = Path.Combine(contentRoot, "data");
            Directory.CreateDirectory(dataFolder);
            connectionString = $"Data Source={Path.Combine(dataFolder, "brands.db")}";
        }

        return new DatabaseSettings(provider, connectionString);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Brands.DesignerBench;

/// <summary>The real host on Kestrel (a free loopback port) over a new SQLite file, with the development administrator.</summary>
internal sealed class BenchHost : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Bench-Admin-1!";

    private readonly string _databasePath;

    public BenchHost(string databasePath)
    {
        _databasePath = databasePath;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Brands", $"Data Source={_databasePath}");
        builder.UseSetting("Seed:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}

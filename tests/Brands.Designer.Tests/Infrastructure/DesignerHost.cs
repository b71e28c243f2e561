using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Brands.Designer.Tests.Infrastructure;

/// <summary>The real host on Kestrel (a free loopback port) over a new SQLite file, with the seeded administrator.</summary>
public sealed class DesignerHost : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Designer-Admin-1!";

    public DesignerHost(string databasePath)
    {
        DatabasePath = databasePath;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Brands", $"Data Source={DatabasePath}");
        builder.UseSetting("Seed:AdminPassword", AdminPassword);
    }
}

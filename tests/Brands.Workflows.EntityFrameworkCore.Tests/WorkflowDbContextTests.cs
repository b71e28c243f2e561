using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Xunit;

namespace Brands.Workflows.EntityFrameworkCore.Tests;

public sealed class WorkflowDbContextTests
{
    [Fact]
    public void PostgreSQL_connections_prepare_the_stores_statements_unless_told_otherwise()
    {
        var settings = ConfiguredPostgreSql("Host=db.example;Database=workflows;Username=app;Password=secret");

        Assert.Equal(WorkflowDbContext.DefaultMaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal(("db.example", "workflows", "app", "secret"), (settings.Host, settings.Database, settings.Username, settings.Password));
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.example;MaxAutoPrepare=5", 5)]
    public void A_max_auto_prepare_given_in_the_connection_string_is_kept(string connectionString, int expected) =>
        Assert.Equal(expected, ConfiguredPostgreSql(connectionString).MaxAutoPrepare);

    [Theory]
    [InlineData("Host=db.example;No Reset On Close=false", false, 64)]
    [InlineData("Host=db.example;Max Auto Prepare=0", true, 0)]
    public void Each_setting_given_in_the_connection_string_is_kept_and_the_other_defaulted(string connectionString, bool noReset, int maxAutoPrepare)
    {
        var settings = ConfiguredPostgreSql(connectionString);
        Assert.Equal((noReset, maxAutoPrepare), (settings.NoResetOnClose, settings.MaxAutoPrepare));
    }

    private static NpgsqlConnectionStringBuilder ConfiguredPostgreSql(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<WorkflowDbContext>();
        WorkflowDbContext.Configure(builder, WorkflowDatabaseProvider.PostgreSql, connectionString);
        return new NpgsqlConnectionStringBuilder(RelationalOptionsExtension.Extract(builder.Options).ConnectionString);
    }
}

using System.Data.Common;
using Brands.Workflows.EntityFrameworkCore.Mapping;
using Brands.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Brands.Workflows.EntityFrameworkCore;

/// <summary>
/// The engine's tables (<c>wf_definitions</c>, <c>wf_instances</c>, <c>wf_tasks</c>, <c>wf_jobs</c>,
/// <c>wf_incidents</c>, <c>wf_history</c>, <c>wf_subscriptions</c>, <c>wf_outbox</c>) mapped onto the engine's own records.
/// </summary>
/// <remarks>
/// The schema itself is created by <see cref="WorkflowDatabaseMigrator"/> from hand-written SQL, never by
/// <c>EnsureCreated</c>; this model only has to agree with it. Columns are snake_case property names.
/// </remarks>
public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();
    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();
    public DbSet<TaskRecord> Tasks => Set<TaskRecord>();
    public DbSet<JobRecord> Jobs => Set<JobRecord>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<HistoryRecord> History => Set<HistoryRecord>();
    public DbSet<SubscriptionRecord> Subscriptions => Set<SubscriptionRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    /// <summary>
    /// How many statements each PostgreSQL connection keeps prepared unless the connection string says otherwise
    /// (<c>Max Auto Prepare</c>; 0 turns it off).
    /// </summary>
    /// <remarks>
    /// The store sends the same few statement texts over and over (its reads, and commits whose text does not
    /// depend on the row count), so Npgsql's automatic preparation saves the server parsing and planning them
    /// each time; it costs no extra round trip. This roughly doubled commits per second on a local server.
    /// Behind a pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21), set
    /// <c>Max Auto Prepare=0</c>.
    /// </remarks>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// Points <paramref name="builder"/> at the database; no tracking by default (the store reads records). On
    /// PostgreSQL, unless the connection string sets them: statements are prepared automatically (see
    /// <see cref="DefaultMaxAutoPrepare"/>), and pooled connections are not reset when they return to the pool
    /// (<c>No Reset On Close=true</c>): the store keeps no session state, and the reset is six statements the
    /// server runs before every reuse of a connection.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder builder, WorkflowDatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _ = provider switch
        {
            WorkflowDatabaseProvider.PostgreSql => builder.UseNpgsql(WithStoreDefaults(connectionString)),
            WorkflowDatabaseProvider.Sqlite => builder.UseSqlite(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }

    private static string WithStoreDefaults(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers whether a keyword is known, not whether it was given.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!given.Contains("NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        return settings.ConnectionString;
    }

    /// <summary>A pooled context factory without dependency injection (benchmarks, tests, tools).</summary>
    public static IDbContextFactory<WorkflowDbContext> CreateFactory(WorkflowDatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<WorkflowDbContext>();
        Configure(builder, provider, connectionString);
        return new PooledDbContextFactory<WorkflowDbContext>(builder.Options);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var isPostgreSql = Database.IsNpgsql();
        var jsonb = isPostgreSql ? "jsonb" : "TEXT";

        modelBuilder.Entity<DefinitionRecord>(b =>
        {
            b.ToTable("wf_definitions");
            b.HasKey(d => d.Id);
            b.HasIndex(d => new { d.Key, d.Version }).IsUnique();
            b.HasIndex(d => d.ContentHash);
        });

        modelBuilder.Entity<InstanceRecord>(b =>
        {
            b.ToTable("wf_instances");
            b.HasKey(i => i.Id);
            b.Property(i => i.Id).ValueGeneratedNever();
            b.Property(i => i.Version).IsConcurrencyToken();
            b.Property(i => i.VariablesJson).HasColumnType(jsonb);
            b.Property(i => i.StateJson).HasColumnType(jsonb);
            b.HasOne<DefinitionRecord>().WithMany().HasForeignKey(i => i.DefinitionId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<InstanceRecord>().WithMany().HasForeignKey(i => i.ParentInstanceId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TaskRecord>(b =>
        {
            b.ToTable("wf_tasks");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.Version).IsConcurrencyToken();
            b.HasOne<InstanceRecord>().WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<JobRecord>(b =>
        {
            b.ToTable("wf_jobs");
            b.HasKey(j => j.Id);
            b.Property(j => j.Id).ValueGeneratedNever();
            b.HasOne<InstanceRecord>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<DefinitionRecord>().WithMany().HasForeignKey(j => j.DefinitionId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SubscriptionRecord>(b =>
        {
            b.ToTable("wf_subscriptions");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedNever();
            b.HasIndex(s => new { s.Kind, s.Name, s.BusinessKey });
            b.HasIndex(s => s.InstanceId);
            b.HasOne<InstanceRecord>().WithMany().HasForeignKey(s => s.InstanceId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<DefinitionRecord>().WithMany().HasForeignKey(s => s.DefinitionId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<IncidentRecord>(b =>
        {
            b.ToTable("wf_incidents");
            b.HasKey(i => i.Id);
            b.Property(i => i.Id).ValueGeneratedNever();
            b.HasOne<InstanceRecord>().WithMany().HasForeignKey(i => i.InstanceId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<HistoryRecord>(b =>
        {
            b.ToTable("wf_history");
            // Found by case and sequence (migration 0003); no foreign key: history may outlive its case's runtime row.
            b.HasKey(h => new { h.InstanceId, h.Sequence });
            b.Property(h => h.Sequence).ValueGeneratedNever();
            // json, not jsonb: the text is kept byte for byte, so the hash chain over it can be verified later.
            b.Property(h => h.DataJson).HasColumnType(isPostgreSql ? "json" : "TEXT");
        });

        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("wf_outbox");
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).ValueGeneratedNever();
            b.HasIndex(m => m.DedupeKey).IsUnique();
            b.HasIndex(m => m.InstanceId);
        });

        ColumnConventions.Apply(modelBuilder, isPostgreSql);
    }
}

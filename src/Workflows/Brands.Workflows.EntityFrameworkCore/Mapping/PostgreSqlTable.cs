using System.Text;
using Npgsql;

namespace Brands.Workflows.EntityFrameworkCore.Mapping;

/// <summary>One column of a <see cref="PostgreSqlTable{T}"/>: its name, its PostgreSQL type and how a record gives its value.</summary>
internal sealed class PostgreSqlColumn<T>(string name, string type, Func<IReadOnlyList<T>, NpgsqlParameter> values,
    Func<T, NpgsqlParameter> value, string? writeCast)
{
    public string Name { get; } = name;
    /// <summary>The element type of the array parameter (<c>uuid</c>, <c>text</c>, <c>timestamptz</c>, …).</summary>
    public string Type { get; } = type;
    /// <summary>A cast applied when the value is written, e.g. <c>jsonb</c> for JSON sent as text.</summary>
    public string? WriteCast { get; } = writeCast;
    /// <summary>The column of several rows, as one array parameter.</summary>
    public Func<IReadOnlyList<T>, NpgsqlParameter> Values { get; } = values;
    /// <summary>The column of one row, as one parameter.</summary>
    public Func<T, NpgsqlParameter> Value { get; } = value;
}

/// <summary>
/// Insert and guarded-update statements for one table. One row (the usual case: a command changes one case and
/// one task) goes as one parameter per column, a statement PostgreSQL plans in microseconds; several rows go as one
/// array parameter per column spread with <c>unnest</c>, so that statement's text stays the same whatever the row
/// count. Both texts are prepared automatically after a few uses.
/// </summary>
/// <remarks>
/// The guarded update makes "no row matched" an error inside the statement: it ends with
/// <c>SELECT 1 / (count(*) = n)::int</c> over the updated rows, a division by zero (SQLSTATE 22012)
/// whenever fewer rows were updated than given. Inside a batch without an explicit transaction that error rolls
/// back every statement of the batch, which is what makes a one-round-trip commit all-or-nothing.
/// </remarks>
internal sealed class PostgreSqlTable<T>
{
    private readonly PostgreSqlColumn<T>[] _columns;
    private readonly Func<T, long>? _version;

    /// <param name="name">The table.</param>
    /// <param name="columns">Every column but <c>version</c>, the key (<c>id uuid</c>) first.</param>
    /// <param name="version">The record's version for versioned tables (compared and raised on update); null otherwise.</param>
    /// <param name="skipConflicts">Inserts skip rows that would break a unique index (<c>ON CONFLICT DO NOTHING</c>).</param>
    public PostgreSqlTable(string name, PostgreSqlColumn<T>[] columns, Func<T, long>? version = null, bool skipConflicts = false)
    {
        _columns = columns;
        _version = version;
        List<(string Name, string Type, string? WriteCast)> all = version is null ? [.. columns.Select(c => (c.Name, c.Type, c.WriteCast))]
            : [.. columns.Select(c => (c.Name, c.Type, c.WriteCast)), ("version", "bigint", null)];
        ColumnNames = [.. all.Select(c => c.Name)];
        string Parameter(int i) => $"${i + 1}::{all[i].Type}" + (all[i].WriteCast is { } cast ? $"::{cast}" : "");
        InsertOneSql = $"INSERT INTO {name} ({string.Join(", ", all.Select(c => c.Name))}) "
            + $"VALUES ({string.Join(", ", all.Select((_, i) => Parameter(i)))})" + (skipConflicts ? " ON CONFLICT DO NOTHING" : "");
        var setOne = all.Select((c, i) => (c.Name, i)).Skip(1)
            .Select(c => c.Name == "version" ? "version = version + 1" : $"{c.Name} = {Parameter(c.i)}");
        var whereOne = version is null ? "id = $1::uuid" : $"id = $1::uuid AND version = ${all.Count}::bigint";
        GuardedUpdateOneSql = $"WITH u AS (UPDATE {name} SET {string.Join(", ", setOne)} WHERE {whereOne} RETURNING 1) "
            + "SELECT 1 / count(*)::int FROM u";

        var unnest = new StringBuilder("unnest(");
        unnest.AppendJoin(", ", all.Select((c, i) => $"${i + 1}::{c.Type}[]"));
        unnest.Append(") AS v(").AppendJoin(", ", all.Select(c => c.Name)).Append(')');

        InsertSql = $"INSERT INTO {name} ({string.Join(", ", all.Select(c => c.Name))}) "
            + $"SELECT {string.Join(", ", all.Select(c => Written(c.Name, c.WriteCast)))} FROM {unnest}" + (skipConflicts ? " ON CONFLICT DO NOTHING" : "");

        var set = all.Skip(1).Select(c => c.Name == "version" ? "version = v.version + 1" : $"{c.Name} = {Written(c.Name, c.WriteCast)}");
        var where = version is null ? "t.id = v.id" : "t.id = v.id AND t.version = v.version";
        GuardedUpdateSql = $"WITH u AS (UPDATE {name} AS t SET {string.Join(", ", set)} FROM {unnest} WHERE {where} RETURNING 1) "
            + "SELECT 1 / (count(*) = cardinality($1::uuid[]))::int FROM u";
    }

    /// <summary>Every column the statements write, in order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    public string InsertSql { get; }

    public string GuardedUpdateSql { get; }

    public string InsertOneSql { get; }

    public string GuardedUpdateOneSql { get; }

    /// <summary>Inserts <paramref name="rows"/> as given (versions included).</summary>
    public NpgsqlBatchCommand Insert(IReadOnlyList<T> rows) =>
        rows.Count == 1 ? CommandForOne(InsertOneSql, rows[0], _version) : Command(InsertSql, rows, _version);

    /// <summary>
    /// Updates <paramref name="rows"/> by id, only where the stored version equals <paramref name="expectedVersion"/>
    /// (versioned tables), setting it to expected + 1; fails with SQLSTATE 22012 unless every row was updated.
    /// </summary>
    public NpgsqlBatchCommand GuardedUpdate(IReadOnlyList<T> rows, Func<T, long>? expectedVersion = null) =>
        _version is not null && expectedVersion is null ? throw new ArgumentNullException(nameof(expectedVersion))
        : rows.Count == 1 ? CommandForOne(GuardedUpdateOneSql, rows[0], expectedVersion)
        : Command(GuardedUpdateSql, rows, expectedVersion);

    private NpgsqlBatchCommand CommandForOne(string sql, T row, Func<T, long>? version)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var column in _columns)
        {
            command.Parameters.Add(column.Value(row));
        }

        if (version is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version(row) });
        }

        return command;
    }

    private NpgsqlBatchCommand Command(string sql, IReadOnlyList<T> rows, Func<T, long>? version)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var column in _columns)
        {
            command.Parameters.Add(column.Values(rows));
        }

        if (version is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. rows.Select(version)] });
        }

        return command;
    }

    private static string Written(string name, string? cast) => cast is null ? $"v.{name}" : $"v.{name}::{cast}";
}

/// <summary>Shorthands for the columns of a table of <typeparamref name="T"/>.</summary>
internal static class PostgreSqlColumns<T>
{
    public static PostgreSqlColumn<T> Of<TValue>(string name, string type, Func<T, TValue> value, string? writeCast = null) =>
        new(name, type, rows => new NpgsqlParameter<TValue[]> { TypedValue = [.. rows.Select(value)] },
            row => new NpgsqlParameter<TValue> { TypedValue = value(row) }, writeCast);

    /// <summary>An instant column; Npgsql writes only offset zero to <c>timestamptz</c>.</summary>
    public static PostgreSqlColumn<T> Instant(string name, Func<T, DateTimeOffset> value) =>
        Of(name, "timestamptz", r => value(r).ToUniversalTime());

    public static PostgreSqlColumn<T> NullableInstant(string name, Func<T, DateTimeOffset?> value) =>
        Of(name, "timestamptz", r => value(r)?.ToUniversalTime());
}

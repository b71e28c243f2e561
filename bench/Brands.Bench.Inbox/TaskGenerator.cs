using System.Diagnostics;
using Npgsql;

namespace Brands.Bench.Inbox;

/// <summary>
/// Copies the seeded template cases and their open review task in SQL until the database holds the requested number
/// of open tasks, spread evenly over the 31 provinces: own ids and business keys, applicant names, created over the
/// past year, due 15 days after, one in ten assigned to the province's reviewer. History is not generated: the
/// inbox does not read it.
/// </summary>
internal static class TaskGenerator
{
    private const int Chunk = 100_000;

    private const string CopySql = """
        CREATE TEMP TABLE gen (g integer, instance_id uuid, task_id uuid, province text, created timestamptz) ON COMMIT DROP;
        INSERT INTO gen
            SELECT g,
                   gen_random_uuid() AS instance_id,
                   gen_random_uuid() AS task_id,
                   (@provinces::text[])[1 + g % 31] AS province,
                   now() - make_interval(mins => ((g::bigint * 7919) % 525600)::integer) AS created
            FROM generate_series(@from::integer, @to::integer) AS g;
        INSERT INTO wf_instances (id, definition_id, definition_key, definition_version, business_key, status,
                                  parent_instance_id, parent_token_id, root_instance_id, variables_json, state_json,
                                  case_type, organisation_code, province, year, started_at, ended_at, version)
            SELECT gen.instance_id, i.definition_id, i.definition_key, i.definition_version,
                   'INBOX-' || gen.province || '-' || lpad(gen.g::text, 7, '0'), i.status, NULL, NULL, gen.instance_id,
                   jsonb_set(i.variables_json, '{applicantName}', to_jsonb(gen.province || ' 申请企业 ' || gen.g)),
                   i.state_json, i.case_type, i.organisation_code, i.province, i.year, gen.created, NULL, 1
            FROM gen JOIN wf_instances i ON i.business_key = @template || gen.province;
        INSERT INTO wf_tasks (id, instance_id, definition_key, business_key, organisation_code, province, element_id, token_id, name, assignee,
                              candidate_users, candidate_groups, due_at, follow_up_at, priority, form_ref,
                              form_ref_binding, state, created_at, ended_at, completed_by, version)
            SELECT gen.task_id, gen.instance_id, t.definition_key, 'INBOX-' || gen.province || '-' || lpad(gen.g::text, 7, '0'),
                   t.organisation_code, t.province, t.element_id, t.token_id, t.name,
                   CASE WHEN gen.g % 10 = 0 THEN 'reviewer-' || lower(gen.province) END,
                   t.candidate_users, t.candidate_groups, gen.created + interval '15 days', NULL, t.priority, t.form_ref,
                   t.form_ref_binding, t.state, gen.created, NULL, NULL, 1
            FROM gen
            JOIN wf_instances i ON i.business_key = @template || gen.province
            JOIN wf_tasks t ON t.instance_id = i.id;
        """;

    /// <summary>Generates <paramref name="tasks"/> open tasks (the templates included); returns the seconds it took.</summary>
    public static async Task<double> GenerateAsync(string connectionString, int tasks)
    {
        var watch = Stopwatch.StartNew();
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var connection = await source.OpenConnectionAsync();
        await using (var check = new NpgsqlCommand("SELECT count(*) FROM wf_tasks WHERE business_key LIKE 'INBOX-%'", connection))
        {
            var existing = (long)(await check.ExecuteScalarAsync())!;
            if (existing > Provinces.Codes.Length)
            {
                Console.Error.WriteLine($"the database already holds {existing} generated tasks; not generating again");
                return 0;
            }
        }

        var toGenerate = tasks - Provinces.Codes.Length;
        for (var from = 1; from <= toGenerate; from += Chunk)
        {
            var to = Math.Min(from + Chunk - 1, toGenerate);
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand(CopySql, connection, transaction) { CommandTimeout = 600 };
            command.Parameters.AddWithValue("provinces", Provinces.Codes);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            command.Parameters.AddWithValue("template", InboxSeeder.TemplatePrefix);
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            Console.Error.WriteLine($"generated {to:N0} of {toGenerate:N0} tasks ({watch.Elapsed.TotalSeconds:F0} s)");
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE wf_instances; ANALYZE wf_tasks;", connection) { CommandTimeout = 600 })
        {
            await analyze.ExecuteNonQueryAsync();
        }

        return watch.Elapsed.TotalSeconds;
    }
}

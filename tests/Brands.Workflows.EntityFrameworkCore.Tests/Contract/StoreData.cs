using System.Text.Json.Nodes;
using Brands.Workflows.Persistence;
using Xunit;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Contract;

/// <summary>Records with every field set, and a comparison that knows what a database may legitimately change.</summary>
internal static class StoreData
{
    /// <summary>A Beijing-time instant at microsecond precision (what PostgreSQL keeps).</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 3, 1, 9, 30, 15, 123, TimeSpan.FromHours(8)).AddMicroseconds(456);

    public static DefinitionRecord Definition(string key, int version, string? xml = null) => new()
    {
        Id = $"{key}:{version}:{Guid.NewGuid():N}",
        Key = key,
        Version = version,
        Name = $"品牌培育申报 {key}",
        Xml = xml ?? $"<definitions id=\"{key}\"><process id=\"{key}\" isExecutable=\"true\"/></definitions>",
        ContentHash = $"sha256-{key}-{version}",
        DeployedAt = T0.AddMinutes(version),
    };

    public static InstanceRecord Instance(DefinitionRecord definition, Guid? parent = null) => new()
    {
        Id = Guid.NewGuid(),
        DefinitionId = definition.Id,
        DefinitionKey = definition.Key,
        DefinitionVersion = definition.Version,
        BusinessKey = $"2025-ENT-ZJ-{Random.Shared.Next(10000):D4}",
        Status = InstanceStatus.Active,
        ParentInstanceId = parent,
        ParentTokenId = parent is null ? null : "token-call-1",
        RootInstanceId = parent ?? Guid.NewGuid(),
        VariablesJson = """{"applicant":"杭州某某有限公司","quota":3,"tracks":["enterprise","regional"]}""",
        StateJson = """{"tokens":[{"id":"t1","elementId":"review","scope":null}],"scopes":{}}""",
        CaseType = "enterprise-application",
        OrganisationCode = "ZJ-AMR",
        Province = "浙江",
        Year = 2025,
        StartedAt = T0,
        EndedAt = T0.AddDays(3),
        Version = 0,
    };

    public static TaskRecord Task(InstanceRecord instance, DateTimeOffset? createdAt = null, string? assignee = null,
        string? candidateUsers = null, string? candidateGroups = null, DateTimeOffset? dueAt = null) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instance.Id,
        DefinitionKey = instance.DefinitionKey,
        BusinessKey = instance.BusinessKey,
        ElementId = "provincialReview",
        TokenId = "t1",
        Name = "省级初审",
        Assignee = assignee,
        CandidateUsers = candidateUsers,
        CandidateGroups = candidateGroups,
        DueAt = dueAt,
        FollowUpAt = dueAt?.AddDays(-2),
        Priority = 50,
        FormRef = "provincial-review",
        FormRefBinding = "deployment",
        State = TaskState.Open,
        CreatedAt = createdAt ?? T0,
        Version = 0,
    };

    public static JobRecord Job(InstanceRecord instance, DateTimeOffset dueAt, int retries = 3) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instance.Id,
        TokenId = "t1",
        ElementId = "checkQuota",
        Kind = JobKind.ServiceTaskRetry,
        DueAt = dueAt,
        Retries = retries,
        RetryCycle = "R3/PT5M",
        CreatedAt = T0,
    };

    public static IncidentRecord Incident(InstanceRecord instance, DateTimeOffset createdAt, Guid? jobId = null) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instance.Id,
        JobId = jobId,
        ElementId = "checkQuota",
        Kind = "failed-job",
        Message = "配额服务不可用",
        CreatedAt = createdAt,
    };

    public static HistoryRecord History(InstanceRecord instance, long sequence, string? previousHash = null) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instance.Id,
        Sequence = sequence,
        At = T0.AddSeconds(sequence),
        Kind = "element-entered",
        ElementId = "provincialReview",
        UserId = "zj-reviewer",
        DataJson = """{"old":null,"new":{"score": 87}}""",
        PreviousHash = previousHash,
        Hash = $"hash-{sequence}",
    };

    /// <summary>
    /// Every public property equal; instants compared as instants (a database returns them in UTC), and
    /// properties holding JSON compared as JSON (jsonb re-formats the text).
    /// </summary>
    public static void AssertSame<T>(T expected, T? actual)
        where T : class
    {
        Assert.NotNull(actual);
        foreach (var property in typeof(T).GetProperties())
        {
            var want = property.GetValue(expected);
            var got = property.GetValue(actual);
            if (property.Name.EndsWith("Json", StringComparison.Ordinal) && want is string wantJson && got is string gotJson)
            {
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(wantJson), JsonNode.Parse(gotJson)),
                    $"{typeof(T).Name}.{property.Name}: expected {wantJson} but found {gotJson}");
            }
            else
            {
                Assert.True(Equals(want, got), $"{typeof(T).Name}.{property.Name}: expected {want ?? "null"} but found {got ?? "null"}");
            }
        }
    }
}

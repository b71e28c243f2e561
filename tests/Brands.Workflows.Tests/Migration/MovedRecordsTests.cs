using System.Reflection;
using Brands.Workflows.Migration;
using Brands.Workflows.Parsing;
using Brands.Workflows.Persistence;
using Xunit;

namespace Brands.Workflows.Tests.Migration;

/// <summary>
/// A migrated case's rows are copied field by field (README "Migrating running cases"): every public property of a
/// record must reach its copy unchanged, except the few the migration moves to the target version. A property added
/// to a record and forgotten in <see cref="MovedRecords"/> fails here instead of being lost from migrated cases.
/// </summary>
public sealed class MovedRecordsTests
{
    private static readonly DefinitionRecord Source = Definition(1, "Review", "审核");
    private static readonly DefinitionRecord Target = Definition(2, "Check", "复核");

    [Fact]
    public void A_moved_case_keeps_every_field_but_its_definition_and_state()
    {
        var original = Populated<InstanceRecord>();

        var moved = MovedRecords.Instance(original, Target, "{\"moved\":true}");

        AssertCopied(original, moved, nameof(InstanceRecord.DefinitionId), nameof(InstanceRecord.DefinitionKey),
            nameof(InstanceRecord.DefinitionVersion), nameof(InstanceRecord.StateJson));
        Assert.Equal(Target.Id, moved.DefinitionId);
        Assert.Equal(Target.Key, moved.DefinitionKey);
        Assert.Equal(Target.Version, moved.DefinitionVersion);
        Assert.Equal("{\"moved\":true}", moved.StateJson);
    }

    [Fact]
    public void A_moved_task_keeps_every_field_but_its_element_and_takes_the_target_elements_name_when_it_had_the_sources()
    {
        var mapping = Mapping();
        var original = Populated<TaskRecord>(new() { [nameof(TaskRecord.ElementId)] = "Review", [nameof(TaskRecord.Name)] = "审核" });
        var renamed = Populated<TaskRecord>(new() { [nameof(TaskRecord.ElementId)] = "Review", [nameof(TaskRecord.Name)] = "审核（加急）" });

        var moved = MovedRecords.Task(original, mapping);
        var movedRenamed = MovedRecords.Task(renamed, mapping);

        AssertCopied(original, moved, nameof(TaskRecord.ElementId), nameof(TaskRecord.Name));
        Assert.Equal("Check", moved.ElementId);
        Assert.Equal("复核", moved.Name);
        AssertCopied(renamed, movedRenamed, nameof(TaskRecord.ElementId));
        Assert.Equal("Check", movedRenamed.ElementId);
    }

    [Fact]
    public void A_moved_job_keeps_every_field_but_its_element()
    {
        var original = Populated<JobRecord>();

        var moved = MovedRecords.Job(original, "Check");

        AssertCopied(original, moved, nameof(JobRecord.ElementId));
        Assert.Equal("Check", moved.ElementId);
    }

    [Fact]
    public void A_moved_incident_keeps_every_field_but_its_element()
    {
        var original = Populated<IncidentRecord>();

        var moved = MovedRecords.Incident(original, "Check");

        AssertCopied(original, moved, nameof(IncidentRecord.ElementId));
        Assert.Equal("Check", moved.ElementId);
    }

    /// <summary>Every public property but <paramref name="changed"/> has the same value in the copy.</summary>
    private static void AssertCopied<T>(T original, T copy, params string[] changed)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        Assert.All(changed, name => Assert.Contains(properties, p => p.Name == name));
        Assert.All(properties.Where(p => !changed.Contains(p.Name)), property =>
            Assert.True(Equals(property.GetValue(original), property.GetValue(copy)),
                $"{typeof(T).Name}.{property.Name} was not copied: {property.GetValue(original)} became {property.GetValue(copy) ?? "null"}"));
    }

    /// <summary>
    /// A record whose every public property holds a value of its own, none the type's default, so a property the copy
    /// leaves out shows. A property of a type not provided for fails here, to be given a sample value.
    /// </summary>
    private static T Populated<T>(Dictionary<string, object>? values = null)
        where T : class
    {
        // The records' members are required of code that builds them; the test sets every one of them itself.
        var record = Activator.CreateInstance<T>();
        var index = 0;
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            index++;
            Assert.True(property.CanWrite, $"{typeof(T).Name}.{property.Name} has no setter; say here how the test fills it");
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var value = values?.GetValueOrDefault(property.Name) ?? (type == typeof(string) ? $"{property.Name}-{index}"
                : type == typeof(Guid) ? Guid.NewGuid()
                : type == typeof(int) ? 100 + index
                : type == typeof(long) ? 1000L + index
                : type == typeof(DateTimeOffset) ? new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(index)
                : (object?)null);
            Assert.True(value is not null, $"{typeof(T).Name}.{property.Name} is a {type.Name}; give the test a sample value for it");
            property.SetValue(record, value);
        }

        return record;
    }

    private static MigrationMapping Mapping()
    {
        var source = BpmnParser.Parse(Source.Xml, int.MaxValue).Document!.Processes[0];
        var target = BpmnParser.Parse(Target.Xml, int.MaxValue).Document!.Processes[0];
        return MigrationMapping.Create(Source, source, Target, target, new Dictionary<string, string> { ["Review"] = "Check" });
    }

    private static DefinitionRecord Definition(int version, string taskId, string taskName) => new()
    {
        Id = $"moved:{version}",
        Key = "moved",
        Version = version,
        Xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://brands.example/bpmn">
              <bpmn:process id="moved" isExecutable="true">
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="{taskId}" />
                <bpmn:userTask id="{taskId}" name="{taskName}" />
                <bpmn:sequenceFlow id="f2" sourceRef="{taskId}" targetRef="End" />
                <bpmn:endEvent id="End" />
              </bpmn:process>
            </bpmn:definitions>
            """,
        ContentHash = $"hash-{version}",
        DeployedAt = new DateTimeOffset(2026, 1, version, 0, 0, 0, TimeSpan.Zero),
    };
}

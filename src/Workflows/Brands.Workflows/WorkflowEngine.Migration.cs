using Brands.Workflows.Migration;
using Brands.Workflows.Model;
using Brands.Workflows.Persistence;
using Brands.Workflows.Runtime;

namespace Brands.Workflows;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// What migrating the active cases of <paramref name="sourceDefinitionId"/> to <paramref name="targetDefinitionId"/>
    /// would take: the automatic mapping (same id, same kind), and each element where cases wait that it leaves
    /// unmapped, with the target's elements of its kind. 404 for an unknown version, 400 for versions of two processes.
    /// </summary>
    public async Task<MigrationPlan> PlanMigrationAsync(string sourceDefinitionId, string targetDefinitionId, CancellationToken cancellationToken = default)
    {
        var (source, sourceProcess, target, targetProcess) = await MigrationPairAsync(sourceDefinitionId, targetDefinitionId, cancellationToken);
        var automatic = MigrationMapping.Automatic(sourceProcess, targetProcess);
        var mapped = automatic.Select(m => m.SourceElementId).ToHashSet(StringComparer.Ordinal);
        var ids = await _store.GetActiveInstanceIdsAsync(source.Key, source.Version, cancellationToken);
        var waiting = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (await _store.GetInstanceAsync(id, cancellationToken) is { Status: InstanceStatus.Active } record)
            {
                foreach (var element in MigrationMapping.ActiveElements(InstanceState.Deserialize(record.StateJson), sourceProcess))
                {
                    waiting[element] = waiting.GetValueOrDefault(element) + 1;
                }
            }
        }

        var unmapped = waiting.Keys.Where(e => !mapped.Contains(e) && sourceProcess.AllNodes.ContainsKey(e))
            .Select(e => sourceProcess.AllNodes[e])
            .Select(node => new UnmappedElement(node.Id, node.Name, ElementKinds.Of(node), waiting[node.Id],
                [.. targetProcess.AllNodes.Values.Where(t => ElementKinds.Of(t) == ElementKinds.Of(node)).Select(t => t.Id).Order(StringComparer.Ordinal)]))
            .OrderBy(u => u.ElementId, StringComparer.Ordinal)
            .ToList();
        return new MigrationPlan(source.Key, source.Id, source.Version, target.Id, target.Version, ids.Count, automatic, unmapped,
            [.. targetProcess.AllNodes.Values.Select(n => new MigrationElement(n.Id, n.Name, ElementKinds.Of(n))).OrderBy(e => e.Id, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Moves cases of version <paramref name="sourceDefinitionId"/> to <paramref name="targetDefinitionId"/>: the
    /// automatic mapping with <paramref name="mapping"/> (source element id → target element id) laid over it; the cases
    /// <paramref name="caseIds"/>, or every active case of the source version. Each case moves in its own commit or not
    /// at all; a case waiting in an element that does not map to one of the same kind in the mapped scope is refused with
    /// the reasons. A confirmed pair naming an unknown element or joining two kinds refuses the whole request (400).
    /// </summary>
    public async Task<MigrationResult> MigrateCasesAsync(string sourceDefinitionId, string targetDefinitionId, IReadOnlyDictionary<string, string>? mapping,
        IReadOnlyList<Guid>? caseIds, string? userId, CancellationToken cancellationToken = default)
    {
        var (source, sourceProcess, target, targetProcess) = await MigrationPairAsync(sourceDefinitionId, targetDefinitionId, cancellationToken);
        var plan = MigrationMapping.Create(source, sourceProcess, target, targetProcess, mapping);
        var ids = caseIds ?? await _store.GetActiveInstanceIdsAsync(source.Key, source.Version, cancellationToken);
        var migrated = new List<Guid>();
        var refused = new List<RefusedCase>();
        foreach (var id in ids.Distinct())
        {
            try
            {
                await ExecuteAsync(userId, async (context, runner) =>
                {
                    await CaseMigrator.MigrateAsync(context, runner, plan, id, cancellationToken);
                    return 0;
                }, cancellationToken);
                migrated.Add(id);
            }
            catch (MigrationRefusedException e)
            {
                refused.Add(new RefusedCase(id, e.Problems));
            }
            catch (Exception e) when (e is WorkflowNotFoundException or WorkflowConflictException)
            {
                refused.Add(new RefusedCase(id, [new MigrationProblem(null, e.Message)]));
            }
        }

        return new MigrationResult(target.Id, target.Version, migrated, refused);
    }

    private async Task<(DefinitionRecord Source, ProcessModel SourceProcess, DefinitionRecord Target, ProcessModel TargetProcess)> MigrationPairAsync(
        string sourceDefinitionId, string targetDefinitionId, CancellationToken cancellationToken)
    {
        var source = await _services.Definitions.GetRecordAsync(sourceDefinitionId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No process version '{sourceDefinitionId}' is deployed.");
        var target = await _services.Definitions.GetRecordAsync(targetDefinitionId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No process version '{targetDefinitionId}' is deployed.");
        if (source.Key != target.Key)
        {
            throw new WorkflowInputException(
                $"'{source.Id}' is a version of process '{source.Key}' and '{target.Id}' of '{target.Key}': cases migrate only between versions of one process.");
        }

        if (source.Id == target.Id)
        {
            throw new WorkflowInputException($"The cases already run on '{source.Id}': choose another version to migrate them to.");
        }

        return (source, await _services.Definitions.GetProcessAsync(source.Id, cancellationToken),
            target, await _services.Definitions.GetProcessAsync(target.Id, cancellationToken));
    }
}

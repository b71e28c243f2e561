using System.Security.Cryptography;
using System.Text;
using Brands.Workflows.Handlers;
using Brands.Workflows.Model;
using Brands.Workflows.Parsing;
using Brands.Workflows.Persistence;
using Brands.Workflows.Runtime;

namespace Brands.Workflows;

public sealed partial class WorkflowEngine
{
    public partial Task<DeploymentResult> DeployAsync(IReadOnlyList<BpmnSource> files, CancellationToken cancellationToken) =>
        DeployAsync(files, null, cancellationToken);

    public partial async Task<DeploymentResult> DeployAsync(IReadOnlyList<BpmnSource> files, int? basedOnVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<ValidationError>();
        var parsed = new List<(BpmnSource File, BpmnDocument Document)>();
        var disallowed = new HashSet<string>(_options.DisallowedElements, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var (document, fileErrors) = BpmnParser.Parse(file.Xml, _options.MaxBpmnBytes, disallowed);
            errors.AddRange(files.Count == 1 ? fileErrors : fileErrors.Select(e => e with { Message = $"{file.Name}: {e.Message}" }));
            if (document is not null)
            {
                parsed.Add((file, document));
            }
        }

        var deployedKeys = parsed.SelectMany(p => p.Document.Processes).Where(p => p.IsExecutable).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, document) in parsed)
        {
            foreach (var process in document.Processes.Where(p => p.IsExecutable))
            {
                await CheckReferencesAsync(process, deployedKeys, errors, cancellationToken);
                foreach (var check in _deploymentChecks)
                {
                    errors.AddRange(await check.CheckAsync(new DeployingProcess(process.Id, process.Line, process.PropertyLines), cancellationToken));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new BpmnValidationException(errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreVersionsAsync(parsed, basedOnVersion, cancellationToken);
            }
            catch (WorkflowConcurrencyException) when (attempt < _options.MaxCommandAttempts)
            {
                // Another node deployed the same key at the same moment: number again.
            }
        }
    }

    private async Task CheckReferencesAsync(ProcessModel process, HashSet<string> deployedKeys, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        CheckListenerHandlers(process.Id, process.Line, process.ExecutionListeners, errors);
        foreach (var node in process.AllNodes.Values)
        {
            CheckListenerHandlers(node.Id, node.Line, node is UserTask userTask ? [.. node.ExecutionListeners, .. userTask.TaskListeners] : node.ExecutionListeners, errors);
            if (node is ServiceTask task && !_services.Handlers.ContainsKey(task.Topic))
            {
                errors.Add(new ValidationError(node.Id, node.Line, $"no handler is registered for topic '{task.Topic}'"));
            }

            if (node is CallActivity { CalledElement.IsLiteral: true } call)
            {
                var key = call.CalledElement.Source;
                if (!deployedKeys.Contains(key) && await _store.FindLatestDefinitionAsync(key, cancellationToken) is null)
                {
                    errors.Add(new ValidationError(node.Id, node.Line, $"the called process '{key}' is not deployed; deploy it first or together with this file"));
                }
            }
        }
    }

    private void CheckListenerHandlers(string elementId, int line, IEnumerable<Listener> listeners, List<ValidationError> errors)
    {
        foreach (var name in listeners.Select(l => l.HandlerName).OfType<string>().Where(n => !_services.Listeners.ContainsKey(n)).Distinct())
        {
            errors.Add(new ValidationError(elementId, line, $"no listener handler is registered as '{name}'"));
        }
    }

    private async Task<DeploymentResult> StoreVersionsAsync(List<(BpmnSource File, BpmnDocument Document)> parsed,
        int? basedOnVersion, CancellationToken cancellationToken)
    {
        var now = _services.Time.GetUtcNow();
        var result = new List<DeployedDefinition>();
        var added = new List<(DefinitionRecord Record, ProcessModel Process)>();
        foreach (var (file, document) in parsed)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file.Xml)));
            foreach (var process in document.Processes.Where(p => p.IsExecutable))
            {
                var latest = await _store.FindLatestDefinitionAsync(process.Id, cancellationToken);
                if (latest is not null && latest.ContentHash == hash)
                {
                    result.Add(new DeployedDefinition(latest.Id, latest.Key, latest.Version, latest.Name, IsNew: false));
                    continue;
                }

                if (basedOnVersion is { } basedOn && (latest?.Version ?? 0) != basedOn)
                {
                    throw new WorkflowConflictException(
                        $"Someone else deployed '{process.Id}' version {latest?.Version ?? 0} after {(basedOn == 0 ? "this file was started as a new process" : $"version {basedOn}, which this file was made from")}: open the latest version and deploy again.");
                }

                var version = (latest?.Version ?? 0) + 1;
                var record = new DefinitionRecord
                {
                    Id = $"{process.Id}:{version}",
                    Key = process.Id,
                    Version = version,
                    Name = process.Name,
                    Xml = file.Xml,
                    ContentHash = hash,
                    DeployedAt = now,
                };
                added.Add((record, process));
                result.Add(new DeployedDefinition(record.Id, record.Key, record.Version, record.Name, IsNew: true));
            }
        }

        if (added.Count > 0)
        {
            var changes = new ChangeSet();
            var errors = new List<ValidationError>();
            foreach (var (record, process) in added)
            {
                changes.NewDefinitions.Add(record);
                StartTriggers.Add(changes, record, process, _services, now, errors);
            }

            if (errors.Count > 0)
            {
                throw new BpmnValidationException(errors);
            }

            await _store.CommitAsync(changes, cancellationToken);
            foreach (var (record, process) in added)
            {
                _services.Definitions.Add(record.Id, process);
                _services.Definitions.NoteLatest(record);
            }
        }

        return new DeploymentResult(result);
    }
}

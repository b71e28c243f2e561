using System.Globalization;
using Brands.Workflows.Expressions;
using Brands.Workflows.Model;
using Brands.Workflows.Persistence;

namespace Brands.Workflows.Runtime;

/// <summary>
/// Which version of the called process a call activity starts, by its <c>camunda:calledElementBinding</c>
/// (README "The engine"). A version that cannot be found is a failure of the step: an incident, the case waits.
/// </summary>
internal static class CalledDefinitions
{
    public static async Task<DefinitionRecord> ResolveAsync(TokenRunner runner, CaseRuntime @case, CallActivity call, string key, VariableScope scope)
    {
        var context = runner.Context;
        var cancellationToken = runner.CancellationToken;
        var definitions = context.Services.Definitions;
        switch (call.Binding)
        {
            case CalledElementBinding.Version:
                var text = context.Services.Scripts.EvaluateText(call.CalledVersion, scope);
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
                {
                    throw new ScriptFailedException($"camunda:calledElementVersion of '{call.Id}' is '{text}', not a version number");
                }

                return await definitions.FindVersionAsync(key, version, cancellationToken)
                    ?? throw new ScriptFailedException($"version {version} of the called process '{key}' is not deployed");
            case CalledElementBinding.Deployment:
                return await DeployedWithCallerAsync(definitions, context.Services.Store, @case, key, cancellationToken);
            case CalledElementBinding.VersionTag:
                var tag = context.Services.Scripts.EvaluateText(call.CalledVersionTag, scope);
                return await TaggedAsync(definitions, context.Services.Store, key, tag, cancellationToken);
            default:
                return await context.LatestDefinitionAsync(key, cancellationToken)
                    ?? throw new ScriptFailedException($"the called process '{key}' is not deployed");
        }
    }

    /// <summary>The latest version of <paramref name="key"/> deployed with the caller's version or before it.</summary>
    private static async Task<DefinitionRecord> DeployedWithCallerAsync(DefinitionCache definitions, IWorkflowStore store, CaseRuntime @case,
        string key, CancellationToken cancellationToken)
    {
        var caller = await definitions.GetRecordAsync(@case.Record.DefinitionId, cancellationToken)
            ?? throw new ScriptFailedException($"definition {@case.Record.DefinitionId} of the calling case does not exist");
        // The store's latest, not a cached one: the caller may have been deployed on another node a moment ago.
        var latest = await store.FindLatestDefinitionAsync(key, cancellationToken);
        for (var version = latest?.Version ?? 0; version >= 1; version--)
        {
            var candidate = version == latest!.Version ? latest : await definitions.FindVersionAsync(key, version, cancellationToken);
            if (candidate is not null && candidate.DeployedAt <= caller.DeployedAt)
            {
                return candidate;
            }
        }

        throw new ScriptFailedException($"no version of the called process '{key}' was deployed with or before version {caller.Version} of '{caller.Key}'");
    }

    /// <summary>The one version of <paramref name="key"/> whose process carries <paramref name="tag"/>, as Camunda requires.</summary>
    private static async Task<DefinitionRecord> TaggedAsync(DefinitionCache definitions, IWorkflowStore store, string key, string? tag,
        CancellationToken cancellationToken)
    {
        var latest = await store.FindLatestDefinitionAsync(key, cancellationToken)
            ?? throw new ScriptFailedException($"the called process '{key}' is not deployed");
        var tagged = new List<DefinitionRecord>();
        for (var version = 1; version <= latest.Version; version++)
        {
            var candidate = version == latest.Version ? latest : await definitions.FindVersionAsync(key, version, cancellationToken);
            if (candidate is not null && (await definitions.GetProcessAsync(candidate.Id, cancellationToken)).VersionTag == tag)
            {
                tagged.Add(candidate);
            }
        }

        return tagged.Count switch
        {
            1 => tagged[0],
            0 => throw new ScriptFailedException($"no version of the called process '{key}' carries the version tag '{tag}'"),
            _ => throw new ScriptFailedException(
                $"versions {string.Join(", ", tagged.Select(d => d.Version))} of the called process '{key}' all carry the version tag '{tag}'; exactly one may"),
        };
    }
}

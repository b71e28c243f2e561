using System.Text.Json.Nodes;
using Brands.Workflows.Expressions;
using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>
/// Starts a case of the called process (the version its <c>camunda:calledElementBinding</c> names) with the <c>camunda:in</c> variables and business key, in
/// the same transaction; when it completes, copies the <c>camunda:out</c> variables back and moves on.
/// </summary>
internal sealed class CallActivityBehavior : INodeBehavior
{
    public static readonly CallActivityBehavior Instance = new();

    public async Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        var call = (CallActivity)node;
        var context = runner.Context;
        var scope = runner.ScopeOf(@case, token);
        var key = context.Services.Scripts.EvaluateText(call.CalledElement, scope)
            ?? throw new ScriptFailedException($"calledElement '{call.CalledElement}' of '{node.Id}' names no process");
        var definition = await CalledDefinitions.ResolveAsync(runner, @case, call, key, scope);
        var variables = new JsonObject();
        foreach (var mapping in call.In)
        {
            Map(mapping, scope, context.Services.Scripts, variables);
        }

        var businessKey = call.BusinessKey is null ? null : context.Services.Scripts.EvaluateText(call.BusinessKey, scope);
        var child = await CaseStarter.CreateAsync(runner, definition, businessKey, variables, (@case, token));
        token.CalledCaseId = child.Id;
        token.State = TokenStates.Waiting;
        context.History(@case, "case-called", node.Id, new JsonObject { ["caseId"] = child.Id.ToString(), ["definitionKey"] = definition.Key, ["version"] = definition.Version });
    }

    public static async Task CalledCaseCompletedAsync(TokenRunner runner, CaseRuntime child, Guid parentId)
    {
        var parent = await runner.Context.LoadCaseAsync(parentId, runner.CancellationToken);
        if (child.Record.ParentTokenId is not { } tokenId || parent.FindToken(tokenId) is not { } token)
        {
            return;
        }

        var call = (CallActivity)parent.Node(token.ElementId);
        var childScope = new VariableScope(runner.Context, child, null, ScopeKinds.Root);
        var values = new JsonObject();
        foreach (var mapping in call.Out)
        {
            Map(mapping, childScope, runner.Context.Services.Scripts, values);
        }

        var parentScope = runner.ScopeOf(parent, token);
        foreach (var (name, value) in values)
        {
            parentScope.SetVariable(name, value);
        }

        token.CalledCaseId = null;
        runner.Schedule(parent, token, TokenStates.Leaving);
    }

    private static void Map(VariableMapping mapping, VariableScope from, ScriptEvaluator scripts, JsonObject into)
    {
        if (mapping.All)
        {
            foreach (var (name, visible) in from.VisibleVariables())
            {
                into[name] = visible?.DeepClone();
            }

            return;
        }

        var value = mapping.SourceExpression is { } expression ? scripts.Evaluate(expression, from) : from.Get(mapping.Source!)?.DeepClone();
        into[mapping.Target!] = value;
    }
}

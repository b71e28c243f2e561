using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>What an element does when a token enters it. One class per element kind.</summary>
internal interface INodeBehavior
{
    Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node);
}

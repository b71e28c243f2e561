namespace Brands.Workflows.Model;

/// <summary>Starts a case of another process and waits for it to end.</summary>
public sealed class CallActivity(string id, string? name, int line, Expression calledElement) : Activity(id, name, line)
{
    public Expression CalledElement { get; } = calledElement;
    public List<VariableMapping> In { get; } = [];
    public List<VariableMapping> Out { get; } = [];
    /// <summary><c>camunda:in businessKey="…"</c>.</summary>
    public Expression? BusinessKey { get; internal set; }
    public CalledElementBinding Binding { get; internal set; }
    /// <summary><c>camunda:calledElementVersion</c>, when <see cref="Binding"/> is <see cref="CalledElementBinding.Version"/>.</summary>
    public Expression? CalledVersion { get; internal set; }
    /// <summary><c>camunda:calledElementVersionTag</c>, when <see cref="Binding"/> is <see cref="CalledElementBinding.VersionTag"/>.</summary>
    public Expression? CalledVersionTag { get; internal set; }
}

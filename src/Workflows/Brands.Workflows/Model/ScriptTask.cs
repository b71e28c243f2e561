namespace Brands.Workflows.Model;

/// <summary>A JavaScript script task; the script's completion value goes to <see cref="ResultVariable"/>.</summary>
public sealed class ScriptTask(string id, string? name, int line, Expression script, string? resultVariable) : Activity(id, name, line)
{
    internal Expression Script { get; } = script;
    public string? ResultVariable { get; } = resultVariable;
}

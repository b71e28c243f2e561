namespace Brands.Workflows.Model;

/// <summary>
/// An attribute or element value that may hold <c>${…}</c> JavaScript (README "The engine"): a plain literal, one whole
/// expression (yielding the value itself), or text mixed with expressions (yielding a string).
/// </summary>
public sealed class Expression
{
    internal Expression(string source, IReadOnlyList<ExpressionPart> parts)
    {
        Source = source;
        Parts = parts;
    }

    /// <summary>The text as written in the file.</summary>
    public string Source { get; }

    internal IReadOnlyList<ExpressionPart> Parts { get; }

    /// <summary>True when the text contains no <c>${…}</c>.</summary>
    public bool IsLiteral => Parts.All(p => p.Script is null);

    public override string ToString() => Source;
}

/// <summary>Either literal text or a compiled script.</summary>
internal sealed record ExpressionPart(string? Text, CompiledScript? Script);

/// <summary>JavaScript parsed and prepared once at deploy time; a prepared script is immutable and shared by every engine that runs it.</summary>
internal sealed class CompiledScript(string code, Jint.Prepared<Acornima.Ast.Script> prepared)
{
    public string Code { get; } = code;
    public Jint.Prepared<Acornima.Ast.Script> Prepared { get; } = prepared;
    /// <summary>The same expression evaluated without a JavaScript engine, when it is simple enough.</summary>
    public Expressions.FastExpression? Fast { get; } = Expressions.FastExpression.TryCreate(prepared.Program);
}

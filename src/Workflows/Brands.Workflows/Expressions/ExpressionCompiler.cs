using Brands.Workflows.Model;
using Acornima;
using Jint;

namespace Brands.Workflows.Expressions;

/// <summary>
/// Splits text into literal parts and <c>${…}</c> parts and parses each script once (README "The engine"), so a syntax
/// error is a deploy error.
/// </summary>
internal static class ExpressionCompiler
{
    /// <summary>Parses <paramref name="text"/>; on a syntax error returns null and a message.</summary>
    public static Expression? Compile(string text, out string? error)
    {
        error = null;
        var parts = new List<ExpressionPart>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = FindClosingBrace(text, i + 2);
                if (end < 0)
                {
                    error = $"the expression '{Shorten(text[i..])}' has no closing '}}'";
                    return null;
                }

                if (literal.Length > 0)
                {
                    parts.Add(new ExpressionPart(literal.ToString(), null));
                    literal.Clear();
                }

                var code = text[(i + 2)..end];
                var script = CompileScript($"({code}\n)", out error, code);
                if (script is null)
                {
                    return null;
                }

                parts.Add(new ExpressionPart(null, script));
                i = end + 1;
            }
            else
            {
                literal.Append(text[i]);
                i++;
            }
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(new ExpressionPart(literal.ToString(), null));
        }

        return new Expression(text, parts);
    }

    /// <summary>Parses a whole script (a script task body, a JavaScript condition) as one expression part.</summary>
    public static Expression? CompileProgram(string code, out string? error)
    {
        var script = CompileScript(code, out error, code);
        return script is null ? null : new Expression(code, [new ExpressionPart(null, script)]);
    }

    private static CompiledScript? CompileScript(string code, out string? error, string shown)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(shown))
        {
            error = "the expression is empty";
            return null;
        }

        try
        {
            return new CompiledScript(code, Engine.PrepareScript(code));
        }
        catch (ScriptPreparationException e)
        {
            var reason = e.InnerException is ParseErrorException parse ? parse.Description : e.Message;
            error = $"the expression '{Shorten(shown)}' does not parse: {reason}";
            return null;
        }
    }

    /// <summary>Finds the '}' closing a <c>${</c>, skipping braces inside string and template literals and nested objects.</summary>
    private static int FindClosingBrace(string text, int start)
    {
        var depth = 0;
        char? quote = null;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"' or '`')
            {
                quote = c;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        return -1;
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";
}

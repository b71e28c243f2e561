using System.Text.Json;
using System.Text.Json.Nodes;
using Acornima;
using Acornima.Ast;

namespace Brands.Workflows.Expressions;

/// <summary>
/// Evaluates the common, simple expressions (<c>${approved}</c>, <c>${amount &gt; 1000 &amp;&amp; region == 'ZJ'}</c>,
/// <c>${a.b}</c>, <c>${x ? 1 : 2}</c>) straight from the parsed tree, without starting a JavaScript engine.
/// </summary>
/// <remarks>
/// It only answers where its result is certainly what JavaScript would give: same-type comparisons, numeric
/// arithmetic, string concatenation, truthiness. Anything else — a missing variable, mixed types, calls,
/// assignments — returns <see cref="Unsupported"/> and the caller runs the full sandboxed engine, which also
/// produces the exact JavaScript error message.
/// </remarks>
internal sealed class FastExpression
{
    /// <summary>The expression needs the full engine.</summary>
    public static readonly object Unsupported = new();

    private static readonly object Undefined = new();
    private readonly Expression _root;

    private FastExpression(Expression root) => _root = root;

    /// <summary>A fast form of the program, or null when it uses anything beyond the simple subset.</summary>
    public static FastExpression? TryCreate(Script? program) =>
        program is { Body.Count: 1 } && program.Body[0] is ExpressionStatement { Expression: var e } && IsSimple(e)
            ? new FastExpression(e)
            : null;

    private static bool IsSimple(Expression e) => e switch
    {
        Literal literal => literal.Kind is TokenKind.NullLiteral or TokenKind.BooleanLiteral or TokenKind.NumericLiteral or TokenKind.StringLiteral
            && literal.Value is null or bool or double or string,
        Identifier => true,
        MemberExpression m => !m.Optional && IsSimple(m.Object) && (m.Computed ? IsSimple(m.Property) : m.Property is Identifier),
        LogicalExpression l => l.Operator is Operator.LogicalAnd or Operator.LogicalOr && IsSimple(l.Left) && IsSimple(l.Right),
        BinaryExpression b => b.Operator is not (Operator.InstanceOf or Operator.In) && IsSimple(b.Left) && IsSimple(b.Right),
        UnaryExpression u => u.Operator is Operator.LogicalNot or Operator.UnaryNegation or Operator.UnaryPlus && IsSimple(u.Argument),
        ConditionalExpression c => IsSimple(c.Test) && IsSimple(c.Consequent) && IsSimple(c.Alternate),
        _ => false,
    };

    /// <summary>The value as JSON, or <see cref="Unsupported"/>.</summary>
    public object? Evaluate(IScriptScope scope)
    {
        var value = Eval(_root, scope);
        return value switch
        {
            _ when value == Unsupported => Unsupported,
            _ when value == Undefined => null,
            null => null,
            bool b => JsonValue.Create(b),
            double d when double.IsNaN(d) || double.IsInfinity(d) => null,
            double d => Math.Floor(d) == d && Math.Abs(d) < 9e15 ? JsonValue.Create((long)d) : JsonValue.Create(d),
            string s => JsonValue.Create(s),
            JsonNode node => node.DeepClone(),
            _ => Unsupported,
        };
    }

    private static object? Eval(Expression e, IScriptScope scope)
    {
        switch (e)
        {
            case Literal literal:
                return literal.Value;
            case Identifier id:
                if (scope.TryGetVariable(id.Name, out var variable))
                {
                    return FromJson(variable);
                }

                return id.Name == "undefined" ? Undefined : Unsupported;
            case MemberExpression m:
                return Member(m, scope);
            case UnaryExpression u:
                var argument = Eval(u.Argument, scope);
                return argument == Unsupported ? Unsupported : u.Operator switch
                {
                    Operator.LogicalNot => !Truthy(argument),
                    Operator.UnaryNegation when argument is double d => -d,
                    Operator.UnaryPlus when argument is double d => d,
                    _ => Unsupported,
                };
            case LogicalExpression l:
                var left = Eval(l.Left, scope);
                if (left == Unsupported)
                {
                    return Unsupported;
                }

                return (l.Operator == Operator.LogicalAnd) == Truthy(left) ? Eval(l.Right, scope) : left;
            case ConditionalExpression c:
                var test = Eval(c.Test, scope);
                return test == Unsupported ? Unsupported : Eval(Truthy(test) ? c.Consequent : c.Alternate, scope);
            case BinaryExpression b:
                var x = Eval(b.Left, scope);
                var y = x == Unsupported ? Unsupported : Eval(b.Right, scope);
                return y == Unsupported ? Unsupported : Binary(b.Operator, x, y);
            default:
                return Unsupported;
        }
    }

    private static object? Member(MemberExpression m, IScriptScope scope)
    {
        var target = Eval(m.Object, scope);
        var key = m.Computed ? Eval(m.Property, scope) : ((Identifier)m.Property).Name;
        return (target, key) switch
        {
            _ when target == Unsupported || key == Unsupported => Unsupported,
            (JsonObject obj, string name) => obj.TryGetPropertyValue(name, out var value) ? FromJson(value) : Undefined,
            (JsonArray array, "length") => (double)array.Count,
            (JsonArray array, double index) when index >= 0 && index == Math.Floor(index) =>
                index < array.Count ? FromJson(array[(int)index]) : Undefined,
            (string text, "length") => (double)text.Length,
            _ => Unsupported,
        };
    }

    private static object? Binary(Operator op, object? x, object? y)
    {
        switch (op)
        {
            case Operator.StrictEquality or Operator.StrictInequality:
                return IsPrimitive(x) && IsPrimitive(y) ? (op == Operator.StrictEquality) == StrictEquals(x, y) : Unsupported;
            case Operator.Equality or Operator.Inequality:
                // Loose equality is exact only between values of one type, or between null and undefined.
                if (IsNullish(x) && IsNullish(y))
                {
                    return op == Operator.Equality;
                }

                return IsPrimitive(x) && IsPrimitive(y) && (x?.GetType() == y?.GetType() || IsNullish(x) || IsNullish(y))
                    ? (op == Operator.Equality) == StrictEquals(x, y)
                    : Unsupported;
        }

        if (x is double a && y is double b)
        {
            return op switch
            {
                Operator.Addition => a + b,
                Operator.Subtraction => a - b,
                Operator.Multiplication => a * b,
                Operator.Division => a / b,
                Operator.Remainder => a % b,
                Operator.GreaterThan => a > b,
                Operator.GreaterThanOrEqual => a >= b,
                Operator.LessThan => a < b,
                Operator.LessThanOrEqual => a <= b,
                _ => Unsupported,
            };
        }

        if (x is string s && y is string t)
        {
            var order = string.CompareOrdinal(s, t);
            return op switch
            {
                Operator.Addition => s + t,
                Operator.GreaterThan => order > 0,
                Operator.GreaterThanOrEqual => order >= 0,
                Operator.LessThan => order < 0,
                Operator.LessThanOrEqual => order <= 0,
                _ => Unsupported,
            };
        }

        return Unsupported;
    }

    private static bool IsNullish(object? value) => value is null || value == Undefined;

    private static bool IsPrimitive(object? value) => value is null or bool or double or string || value == Undefined;

    private static bool StrictEquals(object? x, object? y) => (x, y) switch
    {
        (double a, double b) => a == b,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (bool a, bool b) => a == b,
        _ => ReferenceEquals(x, y) || (x is null && y is null),
    };

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => value != Undefined,
    };

    private static object? FromJson(JsonNode? node)
    {
        // Spelled out: JsonNode's implicit conversions would otherwise turn a switch's bool arm back into a node.
        if (node is not JsonValue value)
        {
            return node;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                return JsonNumbers.ToDouble(value);
            case JsonValueKind.String:
                return value.GetValue<string>();
            default:
                return null;
        }
    }

    public override string ToString() => _root.ToString() ?? "";

}

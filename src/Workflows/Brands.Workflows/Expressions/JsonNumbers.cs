using System.Globalization;
using System.Text.Json.Nodes;

namespace Brands.Workflows.Expressions;

/// <summary>Reads a JSON number whatever CLR type holds it (parsed JSON, long, int, double, decimal).</summary>
internal static class JsonNumbers
{
    public static double ToDouble(JsonValue value)
    {
        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            return (double)m;
        }

        return double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
    }
}

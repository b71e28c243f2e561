using System.Text.Json.Nodes;

namespace Brands.Host.Infrastructure.Forms;

/// <summary>Deep equality of JSON values, to find repeated choices in a list.</summary>
internal sealed class JsonNodeEquality : IEqualityComparer<JsonNode?>
{
    public static readonly JsonNodeEquality Instance = new();

    public bool Equals(JsonNode? x, JsonNode? y) => JsonNode.DeepEquals(x, y);

    public int GetHashCode(JsonNode? obj) => obj?.ToJsonString().GetHashCode(StringComparison.Ordinal) ?? 0;
}

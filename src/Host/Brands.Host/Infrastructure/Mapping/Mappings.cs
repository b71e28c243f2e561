using System.Text.Json.Nodes;
using Mapster;

namespace Brands.Host.Infrastructure.Mapping;

/// <summary>
/// The host's Mapster configuration: the <see cref="IRegister"/> classes of this assembly (each feature keeps the
/// rules for its own shapes), compiled once. Use it with <c>Adapt&lt;T&gt;(Mappings.Config)</c> and
/// <c>ProjectToType&lt;T&gt;(Mappings.Config)</c>; names that match map without a rule.
/// </summary>
internal static class Mappings
{
    public static TypeAdapterConfig Config { get; } = Build();

    private static TypeAdapterConfig Build()
    {
        var config = new TypeAdapterConfig();
        // JSON documents (case variables, history data) are passed on as they are, not copied member by member.
        config.NewConfig<JsonObject, JsonObject>().MapWith(json => json);
        config.NewConfig<JsonNode, JsonNode>().MapWith(json => json);
        config.Scan(typeof(Mappings).Assembly);
        config.Compile();
        return config;
    }
}

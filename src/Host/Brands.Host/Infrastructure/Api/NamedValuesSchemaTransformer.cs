using System.Text.Json.Nodes;
using Brands.Host.Features.Admin;
using Brands.Host.Infrastructure.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Brands.Host.Infrastructure.Api;

/// <summary>
/// Lists the allowed values of the provisioning bodies in the OpenAPI document as enums: organisation kinds,
/// provinces and roles (README, "People"), so a script can read them from <c>/openapi/v1.json</c>.
/// </summary>
internal sealed class NamedValuesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(CreateOrganisation.Body))
        {
            SetEnum(schema, "kind", OrganisationKinds.All);
            SetEnum(schema, "province", Provinces.Codes);
        }
        else if (type == typeof(CreateUser.Body) && schema.Properties?.TryGetValue("roles", out var roles) == true && roles is OpenApiSchema array)
        {
            if (array.Items is OpenApiSchema items)
            {
                items.Enum = [.. Roles.All.Select(r => (JsonNode)JsonValue.Create(r))];
            }
        }

        return Task.CompletedTask;
    }

    private static void SetEnum(OpenApiSchema schema, string property, IEnumerable<string> values)
    {
        if (schema.Properties?.TryGetValue(property, out var found) == true && found is OpenApiSchema target)
        {
            target.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
    }
}

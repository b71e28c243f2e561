using System.Text.Json.Nodes;
using Brands.Workflows;

namespace Brands.Host.Features.Cases;

/// <summary>
/// The case variables the host owns: <c>province</c> and <c>organisationCode</c> of the organisation that owns the
/// case, set at start so BPMN can say <c>candidateGroups="provincial-reviewer:${province}"</c>. A caller may not
/// set them to anything else, at start or when completing a task, so no one can route a case to another province.
/// </summary>
internal static class CaseVariables
{
    public const string Province = "province";
    public const string OrganisationCode = "organisationCode";

    public static JsonObject WithOwner(JsonObject? given, string organisationCode, string province)
    {
        var variables = (JsonObject?)given?.DeepClone() ?? [];
        Require(variables, Province, province);
        Require(variables, OrganisationCode, organisationCode);
        variables[Province] = province;
        variables[OrganisationCode] = organisationCode;
        return variables;
    }

    /// <summary>Field errors for submitted task variables that try to set a host-owned variable.</summary>
    public static IEnumerable<KeyValuePair<string, string[]>> RefuseOwned(JsonObject? submitted) =>
        new[] { Province, OrganisationCode }
            .Where(name => submitted?.ContainsKey(name) == true)
            .Select(name => KeyValuePair.Create($"variables.{name}", new[] { $"'{name}' is set by the host from the case's owner and cannot be changed." }));

    private static void Require(JsonObject variables, string name, string value)
    {
        if (variables.TryGetPropertyValue(name, out var given) && (given is not JsonValue v || !v.TryGetValue<string>(out var text) || text != value))
        {
            throw new WorkflowInputException($"The variable '{name}' is set by the host from the case's owner ('{value}'); leave it out.");
        }
    }
}

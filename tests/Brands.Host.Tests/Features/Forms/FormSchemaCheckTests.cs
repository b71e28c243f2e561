using Brands.Host.Infrastructure.Forms;
using Xunit;

namespace Brands.Host.Tests.Features.Forms;

/// <summary>What <c>POST /api/forms</c> accepts as a form-js schema (README "Forms").</summary>
public sealed class FormSchemaCheckTests
{
    [Theory]
    [InlineData("""{"id":"f","components":[]}""")]
    [InlineData("""{"id":"Form_0x8g1k","type":"default","components":[{"type":"textfield","key":"a"},{"type":"group","components":[{"type":"number","key":"b"}]}]}""")]
    public void A_form_js_schema_is_accepted(string json)
    {
        Assert.Null(FormSchemaCheck.Problem(json, out var schema));
        Assert.NotNull(schema);
    }

    [Theory]
    [InlineData("not json", "The body is not valid JSON")]
    [InlineData("[1,2]", "A form schema is a JSON object.")]
    [InlineData("""{"components":[]}""", "The schema has no 'id'")]
    [InlineData("""{"id":"","components":[]}""", "The schema has no 'id'")]
    [InlineData("""{"id":42,"components":[]}""", "The schema has no 'id'")]
    [InlineData("""{"id":"a/b","components":[]}""", "The form id 'a/b' is not valid")]
    [InlineData("""{"id":"f"}""", "The schema has no 'components' array")]
    [InlineData("""{"id":"f","components":[{"key":"a"}]}""", "Component 1 (\"a\") has no 'type'")]
    [InlineData("""{"id":"f","components":[{"type":"group","components":[{"label":"x"}]}]}""", "Component 2 has no 'type'")]
    [InlineData("""{"id":"f","components":[1]}""", "Every entry of 'components' must be a JSON object.")]
    [InlineData("""{"id":"f","components":[{"type":"textfield","key":"a"},{"type":"number","key":"a"}]}""", "Two fields have the key 'a'")]
    [InlineData("""{"id":"f","components":[{"type":"textfield","key":"a","validate":{"pattern":"(["}}]}""", "The pattern of field 'a' is not a valid regular expression")]
    public void Anything_else_is_refused_with_the_reason(string json, string reason)
    {
        Assert.StartsWith(reason, FormSchemaCheck.Problem(json, out var schema), StringComparison.Ordinal);
        Assert.Null(schema);
    }
}

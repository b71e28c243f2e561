using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Forms;
using Xunit;

namespace Brands.Host.Tests.Features.Forms;

/// <summary>The server's check of submitted task data against a form-js schema (README "Forms").</summary>
public sealed class FormDataValidatorTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {"id":"application","components":[
          {"type":"text","text":"# Application"},
          {"type":"textfield","key":"name","validate":{"required":true,"minLength":2,"maxLength":10}},
          {"type":"textfield","key":"code","validate":{"pattern":"^[A-Z]{2}-\\d{4}$"}},
          {"type":"textarea","key":"notes"},
          {"type":"number","key":"area","validate":{"min":1,"max":100}},
          {"type":"number","key":"asText","serializeToString":true},
          {"type":"checkbox","key":"agreed","validate":{"required":true}},
          {"type":"checkbox","key":"optIn"},
          {"type":"select","key":"province","values":[{"label":"浙江","value":"ZJ"},{"label":"江苏","value":"JS"}]},
          {"type":"radio","key":"size","values":[{"label":"S","value":1},{"label":"L","value":2}]},
          {"type":"checklist","key":"products","values":[{"label":"Tea","value":"tea"},{"label":"Silk","value":"silk"}]},
          {"type":"taglist","key":"tags","validate":{"required":true},"values":[{"label":"A","value":"a"},{"label":"B","value":"b"}]},
          {"type":"select","key":"dynamic","valuesKey":"options"},
          {"type":"datetime","key":"day","subtype":"date"},
          {"type":"datetime","key":"at","subtype":"time"},
          {"type":"datetime","key":"when","subtype":"datetime"},
          {"type":"group","components":[{"type":"textfield","key":"applicant.contact"}]}
        ]}
        """)!.AsObject();

    private static JsonObject Valid() => new()
    {
        ["name"] = "Tea Co",
        ["agreed"] = true,
        ["tags"] = new JsonArray("a"),
    };

    private static IDictionary<string, string[]> Check(Action<JsonObject> change)
    {
        var data = Valid();
        change(data);
        return FormDataValidator.Validate(Schema, data);
    }

    [Fact]
    public void Data_that_fills_the_required_fields_correctly_passes()
    {
        Assert.Empty(FormDataValidator.Validate(Schema, Valid()));
    }

    [Fact]
    public void Every_field_filled_with_an_acceptable_value_passes()
    {
        var errors = Check(d =>
        {
            d["code"] = "ZJ-0012";
            d["notes"] = "多行\n文本";
            d["area"] = 12.5;
            d["asText"] = "3.25";
            d["optIn"] = false;
            d["province"] = "JS";
            d["size"] = 2;
            d["products"] = new JsonArray("tea", "silk");
            d["dynamic"] = "anything";
            d["day"] = "2026-12-03";
            d["at"] = "09:30";
            d["when"] = "2026-12-03T09:30:00+08:00";
            d["applicant"] = new JsonObject { ["contact"] = "王芳" };
        });

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("name", null)]
    [InlineData("name", "")]
    [InlineData("agreed", false)]
    public void A_required_field_left_empty_is_refused(string key, object? value)
    {
        var errors = Check(d => d[key] = JsonValue.Create(value));

        Assert.Equal(["This field is required."], errors[key]);
    }

    [Fact]
    public void Missing_required_fields_are_each_named()
    {
        var errors = FormDataValidator.Validate(Schema, []);

        Assert.Equal(["agreed", "name", "tags"], errors.Keys.Order());
    }

    [Fact]
    public void A_required_list_needs_at_least_one_value()
    {
        Assert.Equal(["This field is required."], Check(d => d["tags"] = new JsonArray())["tags"]);
    }

    [Theory]
    [InlineData("name", "42", "Enter text.")]
    [InlineData("notes", "true", "Enter text.")]
    [InlineData("area", "\"12\"", "Enter a number.")]
    [InlineData("area", "[1]", "Enter a number.")]
    [InlineData("asText", "\"twelve\"", "Enter a number.")]
    [InlineData("optIn", "\"yes\"", "Answer yes or no (true or false).")]
    [InlineData("products", "\"tea\"", "Choose a list of the offered values.")]
    [InlineData("day", "20261203", "Enter a date or time as text (ISO 8601).")]
    public void A_value_of_the_wrong_type_is_refused(string key, string json, string message)
    {
        Assert.Equal([message], Check(d => d[key] = JsonNode.Parse(json))[key]);
    }

    [Theory]
    [InlineData(0.5, "Enter a number of at least 1.")]
    [InlineData(100.01, "Enter a number of at most 100.")]
    public void A_number_outside_min_and_max_is_refused(double area, string message)
    {
        Assert.Equal([message], Check(d => d["area"] = area)["area"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void The_bounds_themselves_are_allowed(int area)
    {
        Assert.Empty(Check(d => d["area"] = area));
    }

    [Theory]
    [InlineData("T", "Enter at least 2 characters.")]
    [InlineData("Tea Company Ltd", "Enter at most 10 characters.")]
    public void Text_outside_min_and_max_length_is_refused(string name, string message)
    {
        Assert.Equal([message], Check(d => d["name"] = name)["name"]);
    }

    [Theory]
    [InlineData("zj-0012")]
    [InlineData("ZJ-12")]
    [InlineData("ZJ-00123")]
    public void Text_that_does_not_match_the_pattern_is_refused(string code)
    {
        Assert.StartsWith("The value does not match the pattern", Assert.Single(Check(d => d["code"] = code)["code"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("province", "\"SH\"")]
    [InlineData("province", "\"zj\"")]
    [InlineData("size", "\"1\"")]
    [InlineData("size", "3")]
    [InlineData("province", "{\"value\":\"ZJ\"}")]
    public void A_choice_that_is_not_offered_is_refused(string key, string json)
    {
        Assert.Equal(["Choose one of the offered values."], Check(d => d[key] = JsonNode.Parse(json))[key]);
    }

    [Theory]
    [InlineData("products", "[\"tea\",\"coffee\"]", "Choose only offered values.")]
    [InlineData("products", "[\"tea\",\"tea\"]", "Choose each value once.")]
    [InlineData("tags", "[\"a\",null]", "Choose only offered values.")]
    public void A_list_with_values_not_offered_or_repeated_is_refused(string key, string json, string message)
    {
        Assert.Equal([message], Check(d => d[key] = JsonNode.Parse(json))[key]);
    }

    [Theory]
    [InlineData("day", "2026-02-30")]
    [InlineData("day", "03/12/2026")]
    [InlineData("day", "2026-12-03T09:30")]
    [InlineData("at", "25:00")]
    [InlineData("at", "9:30")]
    [InlineData("when", "2026-12-03")]
    [InlineData("when", "2026-13-03T09:30")]
    public void A_date_or_time_that_is_not_iso_8601_is_refused(string key, string value)
    {
        Assert.Single(Check(d => d[key] = value)[key]);
    }

    [Theory]
    [InlineData("approved")]
    [InlineData("options")]
    [InlineData("applicant")]
    public void A_value_that_is_not_a_field_of_the_form_is_refused(string key)
    {
        var errors = Check(d => d[key] = key == "applicant" ? new JsonObject { ["contact"] = "x", ["secret"] = 1 } : true);

        var (field, messages) = Assert.Single(errors);
        Assert.Equal(key == "applicant" ? "applicant.secret" : key, field);
        Assert.Equal(["This is not a field of the task's form."], messages);
    }

    [Fact]
    public void Display_components_take_no_value()
    {
        var schema = JsonNode.Parse("""{"id":"f","components":[{"type":"text","key":"heading","text":"x"}]}""")!.AsObject();

        Assert.Equal(["heading"], FormDataValidator.Validate(schema, new JsonObject { ["heading"] = "injected" }).Keys);
    }

    [Fact]
    public void Several_problems_are_all_reported_at_once()
    {
        var errors = Check(d =>
        {
            d["name"] = 1;
            d["area"] = 1000;
            d["province"] = "SH";
            d["extra"] = "x";
        });

        Assert.Equal(["area", "extra", "name", "province"], errors.Keys.Order());
    }
}

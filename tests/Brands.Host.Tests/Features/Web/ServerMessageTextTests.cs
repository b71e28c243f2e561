using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Forms;
using Brands.Host.Infrastructure.Web;
using Xunit;

namespace Brands.Host.Tests.Features.Web;

/// <summary>The host's refusals as the Chinese pages show them (README "Using the web app"); the English pages and the API keep them as they are.</summary>
public sealed class ServerMessageTextTests
{
    [Theory]
    [InlineData("This field is required.", "此项为必填项。")]
    [InlineData("Enter a number of at most 100.", "请输入不大于 100 的数字。")]
    [InlineData("Enter a number of at least 0.5.", "请输入不小于 0.5 的数字。")]
    [InlineData("Enter at least 2 characters.", "请至少输入 2 个字符。")]
    [InlineData("The value does not match the pattern ^[A-Z]{2}$.", "输入内容不符合格式要求（^[A-Z]{2}$）。")]
    [InlineData("The task is already claimed by zj-reviewer.", "任务已被 zj-reviewer 认领。")]
    [InlineData("The task is claimed by zj-reviewer; only they can release it.", "任务由 zj-reviewer 认领，只有其本人可以退回。")]
    [InlineData("The task is already completed by zj-reviewer2.", "任务已由 zj-reviewer2 办理完成。")]
    [InlineData("'js-reviewer' may not see this case, so cannot be assigned its task.", "“js-reviewer”无权查看此案件，不能将任务分配给该用户。")]
    [InlineData("The comment is longer than 4000 characters.", "评论超过 4000 个字符。")]
    [InlineData("The current password is required.", "请输入当前密码。")]
    [InlineData("The new password is required.", "请输入新密码。")]
    [InlineData("The new password must differ from the current one.", "新密码不能与当前密码相同。")]
    public void A_message_of_the_host_reads_in_Chinese_on_a_Chinese_page_and_as_it_is_on_an_English_one(string english, string chinese)
    {
        Assert.Equal(chinese, new UiText(UiLanguage.Chinese).Server(english));
        Assert.Equal(english, new UiText(UiLanguage.English).Server(english));
    }

    [Fact]
    public void A_message_the_table_does_not_know_is_shown_as_it_is()
    {
        Assert.Null(ServerMessageText.ToChinese("Something nobody wrote down."));
        Assert.Equal("Something nobody wrote down.", new UiText(UiLanguage.Chinese).Server("Something nobody wrote down."));
    }

    [Fact]
    public void Every_error_the_form_check_gives_for_these_fields_has_a_Chinese_form()
    {
        var schema = JsonNode.Parse("""
            { "components": [
              { "type": "textfield", "key": "name", "validate": { "required": true, "minLength": 2, "maxLength": 5, "pattern": "^[A-Z]+$" } },
              { "type": "number", "key": "area", "validate": { "min": 1, "max": 100 } },
              { "type": "checkbox", "key": "agreed" },
              { "type": "select", "key": "kind", "values": [ { "label": "A", "value": "a" } ] },
              { "type": "checklist", "key": "tags", "values": [ { "label": "A", "value": "a" } ] },
              { "type": "datetime", "key": "day", "subtype": "date" },
              { "type": "datetime", "key": "at", "subtype": "time" },
              { "type": "datetime", "key": "when", "subtype": "datetime" }
            ] }
            """)!.AsObject();
        var submissions = new[]
        {
            """{ "area": "x", "agreed": "yes", "kind": "b", "tags": "a", "day": 3, "at": "9 o'clock", "when": "today", "extra": 1 }""",
            """{ "name": "A", "area": 0, "tags": ["b"], "day": "3 December" }""",
            """{ "name": "ABCDEF", "area": 101, "tags": ["a", "a"] }""",
            """{ "name": "abc" }""",
        };
        var messages = submissions.SelectMany(s => FormDataValidator.Validate(schema, JsonNode.Parse(s)!.AsObject()).Values.SelectMany(v => v)).Distinct().ToList();

        Assert.True(messages.Count >= 15, string.Join(" | ", messages));
        Assert.All(messages, message => Assert.NotNull(ServerMessageText.ToChinese(message)));
    }
}

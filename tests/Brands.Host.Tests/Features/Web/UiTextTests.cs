using System.Reflection;
using Brands.Host.Infrastructure.Web;
using Xunit;

namespace Brands.Host.Tests.Features.Web;

public sealed class UiTextTests
{
    [Fact]
    public void Every_string_of_the_web_app_reads_in_chinese_and_in_english()
    {
        var chinese = new UiText(UiLanguage.Chinese);
        var english = new UiText(UiLanguage.English);
        var properties = typeof(UiText).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.Name != nameof(UiText.Language))
            .ToList();

        Assert.True(properties.Count > 80, $"only {properties.Count} strings found");
        Assert.All(properties, property =>
        {
            var zh = (string)property.GetValue(chinese)!;
            var en = (string)property.GetValue(english)!;
            Assert.False(string.IsNullOrWhiteSpace(zh), property.Name);
            Assert.False(string.IsNullOrWhiteSpace(en), property.Name);
            Assert.True(zh.Any(c => c >= '\u4e00' && c <= '\u9fff'), $"{property.Name} has no Chinese: {zh}");
            Assert.DoesNotContain(en, c => c >= '\u4e00' && c <= '\u9fff');
        });
    }

    [Fact]
    public void Dates_are_shown_in_beijing_time()
    {
        var instant = new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero);

        Assert.Equal("2027-01-01 01:30", ShanghaiTime.Format(instant));
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero), ShanghaiTime.StartOf(new DateOnly(2027, 1, 1)));
    }
}

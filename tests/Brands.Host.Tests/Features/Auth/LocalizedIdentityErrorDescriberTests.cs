using System.Reflection;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Xunit;

namespace Brands.Host.Tests.Features.Auth;

/// <summary>Every refusal of Identity reads in Chinese on a Chinese page, in Identity's English elsewhere, under Identity's own code.</summary>
public sealed class LocalizedIdentityErrorDescriberTests
{
    private static readonly IReadOnlyList<MethodInfo> Errors = [.. typeof(IdentityErrorDescriber)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(m => m.IsVirtual && m.ReturnType == typeof(IdentityError))];

    [Fact]
    public void Every_error_identity_describes_is_given_a_Chinese_form_with_identitys_code()
    {
        var identity = new IdentityErrorDescriber();
        var chinese = Describer(UiLanguage.Chinese);

        Assert.True(Errors.Count >= 20, $"only {Errors.Count} errors found");
        Assert.All(Errors, method =>
        {
            var arguments = Arguments(method);
            var original = (IdentityError)method.Invoke(identity, arguments)!;
            var translated = (IdentityError)method.Invoke(chinese, arguments)!;
            Assert.Equal(original.Code, translated.Code);
            Assert.True(translated.Description.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{method.Name} has no Chinese: {translated.Description}");
        });
    }

    [Fact]
    public void On_an_English_page_in_the_api_and_outside_a_request_identitys_English_stays()
    {
        var identity = new IdentityErrorDescriber();
        var english = Describer(UiLanguage.English);
        var api = new LocalizedIdentityErrorDescriber(new HttpContextAccessor { HttpContext = new DefaultHttpContext() });
        var outside = new LocalizedIdentityErrorDescriber(new HttpContextAccessor());

        Assert.All(Errors, method =>
        {
            var arguments = Arguments(method);
            var original = (IdentityError)method.Invoke(identity, arguments)!;
            foreach (var describer in new[] { english, api, outside })
            {
                var described = (IdentityError)method.Invoke(describer, arguments)!;
                Assert.Equal(original.Code, described.Code);
                Assert.Equal(original.Description, described.Description);
            }
        });
    }

    [Fact]
    public void The_password_rules_read_as_a_Chinese_user_expects()
    {
        var chinese = Describer(UiLanguage.Chinese);

        Assert.Equal("密码至少须有 8 个字符。", chinese.PasswordTooShort(8).Description);
        Assert.Equal("PasswordTooShort", chinese.PasswordTooShort(8).Code);
        Assert.Equal("密码须至少包含一个数字（0–9）。", chinese.PasswordRequiresDigit().Description);
        Assert.Equal("PasswordRequiresDigit", chinese.PasswordRequiresDigit().Code);
        Assert.Equal("用户名“zj-tea”已被占用。", chinese.DuplicateUserName("zj-tea").Description);
    }

    private static LocalizedIdentityErrorDescriber Describer(string language)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(language), provider: null));
        return new LocalizedIdentityErrorDescriber(new HttpContextAccessor { HttpContext = context });
    }

    private static object[] Arguments(MethodInfo method) =>
        [.. method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)8 : "zj-tea")];
}

using System.Net;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Cases;

/// <summary>The first administrator of a production database is sent to the password page from every page until the password is changed, as the API refuses them (README "Production start").</summary>
public sealed class CaseViewPasswordGateTests(ProductionSqliteHostFixture host) : IClassFixture<ProductionSqliteHostFixture>
{
    [Fact]
    public async Task The_case_page_is_refused_until_the_password_is_changed()
    {
        using var first = await BrowserLikeClient.SignInAsync(host, ProductionSettings.AdminUserName, ProductionSettings.AdminPassword);

        using var page = await first.GetAsync($"/cases/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/password", page.Headers.Location?.OriginalString);
    }
}

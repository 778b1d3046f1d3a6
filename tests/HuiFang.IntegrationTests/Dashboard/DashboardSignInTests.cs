using System.Net;
using HuiFang.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HuiFang.IntegrationTests.Dashboard;

public sealed class SqliteDashboardSignInTests(SqliteApiFixture fixture) : DashboardSignInTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresDashboardSignInTests(PostgresApiFixture fixture) : DashboardSignInTests(fixture), IClassFixture<PostgresApiFixture>;

/// <summary>Signing in and out of the dashboard: which credentials open a session, the cookie, the session's end, CSRF.</summary>
public abstract class DashboardSignInTests(ApiFixture fixture) : DashboardTestBase(fixture)
{
    [Fact]
    public async Task A_key_with_reports_read_opens_a_session_in_an_HttpOnly_SameSite_Strict_expiring_cookie_for_the_dashboard_only()
    {
        var browser = Browser();
        var response = await SignInAsync(browser, await Fixture.App.CreateApiKeyAsync(ApiFixture.TenantA, ["reports:read"], "supervisor"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("huifang-dashboard=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/dashboard", attributes);
        Assert.Contains("max-age=28800", attributes);

        var page = await PageAsync(browser, "/dashboard");
        Assert.Equal("dashboard", State(page));
        Assert.Equal(ApiFixture.TenantA, page.QuerySelector("#tenant")!.GetAttribute("data-tenant"));
        Assert.Contains("supervisor", page.QuerySelector("#signed-in-as")!.TextContent);

        // Only the secret's hash is stored, with the key it came from.
        var value = cookie.Split(';')[0]["huifang-dashboard=".Length..];
        var stored = await Fixture.InScopeAsync(db => db.DashboardSessions.Select(s => new { s.Hash, s.ApiKeyId, s.ExpiresAt }).SingleAsync());
        Assert.NotEqual(value, stored.Hash);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value))), stored.Hash);
        Assert.NotNull(stored.ApiKeyId);
    }

    [Fact]
    public async Task Over_HTTPS_the_cookie_is_Secure_and_carries_the_Secure_prefix()
    {
        var browser = Fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var response = await SignInAsync(browser, await Fixture.App.CreateApiKeyAsync(ApiFixture.TenantA, ["reports:read"]));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Secure-huifang-dashboard=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie.Split(';', StringSplitOptions.TrimEntries).Select(a => a.ToLowerInvariant()));
        Assert.Equal("dashboard", State(await PageAsync(browser, "/dashboard")));
    }

    [Theory]
    [InlineData("hfk_unknownunknownunknownunknownunknownunknownunk")]
    [InlineData("not a key at all")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl")]
    public async Task An_unknown_or_malformed_credential_is_refused_with_the_form_again_and_no_session(string credential)
    {
        var browser = Browser();
        var response = await SignInAsync(browser, credential);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("sign-in", State(page));
        Assert.NotNull(page.QuerySelector("#sign-in-error"));
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("huifang-dashboard=", StringComparison.Ordinal)));
        Assert.Equal(0, await Fixture.InScopeAsync(db => db.DashboardSessions.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task A_revoked_key_and_an_empty_field_are_refused()
    {
        var key = await Fixture.App.CreateApiKeyAsync(ApiFixture.TenantA, ["reports:read"]);
        var id = await Fixture.InScopeAsync(db => db.ApiKeys.Where(k => k.Name == "test key").Select(k => k.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"/api/v1/admin/api-keys/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(Browser(), key)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(Browser(), "   ")).StatusCode);
    }

    [Fact]
    public async Task A_key_without_reports_read_is_refused_with_403_and_says_which_scope_is_missing()
    {
        var response = await SignInAsync(Browser(), await Fixture.App.CreateApiKeyAsync(ApiFixture.TenantA, ["tasks:read", "feedback:write"]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("sign-in", State(page));
        Assert.Contains("reports:read", page.QuerySelector("#sign-in-error")!.TextContent);
    }

    [Fact]
    public async Task A_bearer_token_with_reports_read_signs_in_for_its_tenant_and_the_session_ends_no_later_than_the_token()
    {
        var browser = Browser();
        var response = await SignInAsync(browser, TestTokens.Create(ApiFixture.TenantB, "reports:read", subject: "manager-li", expires: DateTime.UtcNow.AddHours(2)));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var page = await PageAsync(browser, "/dashboard");
        Assert.Equal(ApiFixture.TenantB, page.QuerySelector("#tenant")!.GetAttribute("data-tenant"));
        var session = await Fixture.InScopeAsync(db => db.DashboardSessions.IgnoreQueryFilters().SingleAsync());
        Assert.Null(session.ApiKeyId);
        Assert.Equal("jwt:manager-li", session.CallerId);
        Assert.True(session.ExpiresAt <= TestClock.Start.AddHours(8));
    }

    [Fact]
    public async Task A_bearer_token_without_reports_read_or_badly_signed_is_refused()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInAsync(Browser(), TestTokens.Create(ApiFixture.TenantA, "tasks:read"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(Browser(), TestTokens.Create(ApiFixture.TenantA, "reports:read", wrongKey: true))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(Browser(), TestTokens.Create(ApiFixture.TenantA, "reports:read", expires: DateTime.UtcNow.AddMinutes(-10)))).StatusCode);
    }

    [Fact]
    public async Task The_session_ends_after_its_hours()
    {
        var browser = await SignedInAsync();
        Fixture.Clock.Advance(TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1));
        Assert.Equal("dashboard", State(await PageAsync(browser, "/dashboard")));

        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var page = await PageAsync(browser, "/dashboard");
        Assert.Equal("sign-in", State(page));
        Assert.Equal(0, await Fixture.InScopeAsync(db => db.DashboardSessions.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_session_at_the_next_request()
    {
        var browser = Browser();
        Assert.Equal(HttpStatusCode.SeeOther, (await SignInAsync(browser, await Fixture.App.CreateApiKeyAsync(ApiFixture.TenantA, ["reports:read"], "to revoke"))).StatusCode);
        Assert.Equal("dashboard", State(await PageAsync(browser, "/dashboard")));

        var id = await Fixture.InScopeAsync(db => db.ApiKeys.Where(k => k.Name == "to revoke").Select(k => k.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"/api/v1/admin/api-keys/{id}")).StatusCode);

        var page = await PageAsync(browser, "/dashboard");
        Assert.Equal("sign-in", State(page));
        Assert.NotNull(page.QuerySelector("#sign-in-error"));
        Assert.Equal(0, await Fixture.InScopeAsync(db => db.DashboardSessions.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Signing_out_deletes_the_session_and_the_cookie_and_a_replayed_cookie_opens_nothing()
    {
        var browser = Browser();
        var signIn = await SignInAsync(browser, await Fixture.App.CreateApiKeyAsync(ApiFixture.TenantA, ["reports:read"]));
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("huifang-dashboard=", StringComparison.Ordinal)).Split(';')[0];
        var replay = Browser();
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal("dashboard", State(await PageAsync(replay, "/dashboard")));
        var page = await PageAsync(browser, "/dashboard");

        var signOut = await browser.PostAsync("/dashboard/sign-out", new FormUrlEncodedContent([new("__af", Token(page, "sign-out-form")!)]));
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("huifang-dashboard=;", StringComparison.Ordinal) && c.Contains("path=/dashboard", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await Fixture.InScopeAsync(db => db.DashboardSessions.IgnoreQueryFilters().CountAsync()));

        Assert.Equal("sign-in", State(await PageAsync(browser, "/dashboard")));
        Assert.Equal("sign-in", State(await PageAsync(replay, "/dashboard")));
    }

    [Fact]
    public async Task A_POST_without_its_antiforgery_token_is_a_400_page_not_a_500_and_changes_nothing()
    {
        var key = await Fixture.App.CreateApiKeyAsync(ApiFixture.TenantA, ["reports:read"]);
        var missing = await SignInAsync(Browser(), key, antiforgery: null);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("stale", State(await ParseAsync(missing)));
        var wrong = await SignInAsync(Browser(), key, antiforgery: "forged");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(0, await Fixture.InScopeAsync(db => db.DashboardSessions.IgnoreQueryFilters().CountAsync()));

        // Another browser's token: antiforgery tokens belong to their cookie.
        var other = Browser();
        var otherToken = Token(await PageAsync(other, "/dashboard"), "sign-in-form")!;
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(Browser(), key, antiforgery: otherToken)).StatusCode);

        var browser = await SignedInAsync();
        var signOut = await browser.PostAsync("/dashboard/sign-out", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal("stale", State(await ParseAsync(signOut)));
        Assert.Equal(1, await Fixture.InScopeAsync(db => db.DashboardSessions.IgnoreQueryFilters().CountAsync()));
        Assert.Equal("dashboard", State(await PageAsync(browser, "/dashboard")));
    }

    [Fact]
    public async Task A_form_that_is_not_a_form_too_large_or_holds_a_NUL_is_a_page_saying_so()
    {
        var browser = Browser();
        await PageAsync(browser, "/dashboard");
        var json = await browser.PostAsync("/dashboard/sign-in", Json("{}"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("unsupported", State(await ParseAsync(json)));

        var big = await browser.PostAsync("/dashboard/sign-in", new FormUrlEncodedContent([new("credential", new string('k', 40_000))]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal("too-large", State(await ParseAsync(big)));

        var nul = await browser.PostAsync("/dashboard/sign-in", new StringContent("credential=a%00b&__af=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal("bad-request", State(await ParseAsync(nul)));
    }

    [Fact]
    public async Task Every_answer_carries_a_CSP_without_unsafe_inline_and_no_store()
    {
        var browser = await SignedInAsync();
        foreach (var path in new[] { "/dashboard", "/dashboard?from=x", "/dashboard/unsatisfied?week=2026-W48&from=2026-11-01&to=2026-11-30" })
        {
            var response = await browser.GetAsync(path);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("default-src 'none'", csp);
            Assert.Contains("style-src 'sha256-", csp);
            Assert.DoesNotContain("script-src", csp);
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("style=\"", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_client_that_takes_no_HTML_gets_a_406_problem()
    {
        var client = Fixture.CreateClientWithKey(null);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        var response = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}

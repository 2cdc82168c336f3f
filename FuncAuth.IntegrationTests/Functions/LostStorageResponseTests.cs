using System.Net;
using Azure.Data.Tables;
using FuncAuth.TestSupport.Functions;
using FuncAuth.TestSupport.Tables;

namespace FuncAuth.IntegrationTests.Functions;

/// <summary>
/// Every write the storage client may retry, with "the write landed but its response was lost" injected: the SDK resends
/// it, the resend meets its own earlier effect (409 or 412), and the caller must still get the right answer with storage
/// holding exactly the one row the operation meant.
/// </summary>
public sealed class LostStorageResponseTests : IAsyncLifetime
{
    private FunctionTestHost _host = null!;
    private LostResponsePolicy _fault = null!;

    private ApiClient Api => new(_host);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task StartAsync(LostResponsePolicy fault)
    {
        _fault = fault;
        _host = await FunctionTestHost.StartAsync(perRetryPolicies: fault);
    }

    private async Task<(string Email, TestHttpResponseData Login)> SignedInUserAsync() => await Api.SignedInUserAsync();

    private async Task<List<TableEntity>> RowsAsync(string table, string? partition = null)
    {
        var client = new TableServiceClient(TestStorage.ConnectionString).GetTableClient(_host.Settings[table]);
        var filter = partition is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static string UserIdOf(TestHttpResponseData login) => login.BodyJson.GetProperty("userId").GetString()!;

    [Fact]
    public async Task ARegistrationWhoseInsertAnswerWasLostAnswers201NotEmailTaken()
    {
        await StartAsync(LostResponsePolicy.For("POST", "fnusers"));
        var email = ApiClient.UniqueEmail();
        _fault.Armed = true;

        var registered = await Api.RegisterAsync(email);

        Assert.True(_fault.Fired);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Single(await RowsAsync("Tables:Users"));
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(email)).StatusCode);
    }

    [Fact]
    public async Task ALoginWhoseSessionInsertAnswerWasLostAnswers200WithOneWorkingSession()
    {
        await StartAsync(LostResponsePolicy.For("POST", "fnsessions"));
        var email = ApiClient.UniqueEmail();
        await Api.RegisterAsync(email);
        _fault.Armed = true;

        var login = await Api.LoginAsync(email);

        Assert.True(_fault.Fired);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Single(await RowsAsync("Tables:Sessions", UserIdOf(login)));
        Assert.Equal(HttpStatusCode.OK, (await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login))).StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordWhoseCountAnswerWasLostIsCountedOnce()
    {
        await StartAsync(LostResponsePolicy.For("PUT", "fnusers"));
        var email = ApiClient.UniqueEmail();
        await Api.RegisterAsync(email);
        _fault.Armed = true;

        var wrong = await Api.LoginAsync(email, "wrong password, long enough");

        Assert.True(_fault.Fired);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(1, Assert.Single(await RowsAsync("Tables:Users")).GetInt32("FailedLoginCount"));
    }

    [Fact]
    public async Task ASuccessfulLoginWhoseResetAnswerWasLostLeavesTheCountAtZero()
    {
        // The second user write of a login is the reset after the password was verified.
        await StartAsync(LostResponsePolicy.For("PUT", "fnusers", skip: 1));
        var email = ApiClient.UniqueEmail();
        await Api.RegisterAsync(email);
        await Api.LoginAsync(email, "wrong password, long enough");
        _fault.Armed = true;

        var login = await Api.LoginAsync(email);

        Assert.True(_fault.Fired);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(0, Assert.Single(await RowsAsync("Tables:Users")).GetInt32("FailedLoginCount"));
    }

    [Fact]
    public async Task ARefreshWhoseRotationAnswerWasLostAnswers200AndRotatedExactlyOnce()
    {
        await StartAsync(LostResponsePolicy.For("PUT", "fnsessions"));
        var (_, login) = await SignedInUserAsync();
        _fault.Armed = true;

        var refreshed = await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login));

        Assert.True(_fault.Fired);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(1, Assert.Single(await RowsAsync("Tables:Sessions", UserIdOf(login))).GetInt32("Generation"));
        Assert.Equal(HttpStatusCode.OK, (await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(refreshed))).StatusCode);
    }

    [Fact]
    public async Task AReplayWhoseRevocationAnswerWasLostStillRevokesTheSession()
    {
        await StartAsync(LostResponsePolicy.For("PATCH", "fnsessions"));
        var (_, login) = await SignedInUserAsync();
        var current = await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login));
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        _fault.Armed = true;

        var replay = await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login));

        Assert.True(_fault.Fired);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.True(Assert.Single(await RowsAsync("Tables:Sessions", UserIdOf(login))).ContainsKey("RevokedAt"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(current))).StatusCode);
    }

    [Fact]
    public async Task ALogoutWhoseDeleteAnswerWasLostAnswers204AndTheSessionIsGone()
    {
        await StartAsync(LostResponsePolicy.For("DELETE", "fnsessions"));
        var (_, login) = await SignedInUserAsync();
        _fault.Armed = true;

        var logout = await Api.SendAsync(TestRequest.Post("/api/auth/logout").WithCookies(("refresh-cookie", ApiClient.RefreshCookie(login))));

        Assert.True(_fault.Fired);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Empty(await RowsAsync("Tables:Sessions", UserIdOf(login)));
    }

    [Fact]
    public async Task ALogoutAllWhoseBatchAnswerWasLostAnswers204AndEverySessionIsGone()
    {
        await StartAsync(LostResponsePolicy.For("POST", "$batch"));
        var (email, login) = await SignedInUserAsync();
        await Api.LoginAsync(email);
        await Api.LoginAsync(email);
        Assert.Equal(3, (await RowsAsync("Tables:Sessions", UserIdOf(login))).Count);
        _fault.Armed = true;

        var logoutAll = await Api.SendAsync(TestRequest.Post("/api/auth/logout-all").WithBearer(ApiClient.AccessCookie(login)));

        Assert.True(_fault.Fired);
        Assert.Equal(HttpStatusCode.NoContent, logoutAll.StatusCode);
        Assert.Empty(await RowsAsync("Tables:Sessions", UserIdOf(login)));
    }
}

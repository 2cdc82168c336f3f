using System.Net;
using FuncAuth.Tests.Functions.Harness;

namespace FuncAuth.Tests.Functions;

/// <summary>
/// The storage round trips of each operation, counted on the app's own TableServiceClient. Table creation
/// happens once per process and is done (by a health call) before counting starts.
/// </summary>
public sealed class StorageRoundTripTests : IAsyncLifetime
{
    private FunctionTestHost _host = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _host = await FunctionTestHost.StartAsync();
        _api = new ApiClient(_host);
        Assert.Equal(HttpStatusCode.OK, (await _api.SendAsync(TestRequest.Get("/api/health"))).StatusCode);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<int> CountAsync(Func<Task<TestHttpResponseData>> operation, HttpStatusCode expected)
    {
        _host.StorageCalls.Reset();
        var response = await operation();
        Assert.Equal(expected, response.StatusCode);
        return _host.StorageCalls.Count;
    }

    [Fact]
    public async Task EachOperationMakesItsTargetNumberOfStorageCalls()
    {
        var email = ApiClient.UniqueEmail();

        Assert.Equal(1, await CountAsync(() => _api.RegisterAsync(email), HttpStatusCode.Created));
        Assert.Equal(2, await CountAsync(() => _api.LoginAsync(email), HttpStatusCode.OK));
        Assert.Equal(1, await CountAsync(() => _api.LoginAsync(ApiClient.UniqueEmail()), HttpStatusCode.Unauthorized));
        Assert.Equal(2, await CountAsync(() => _api.LoginAsync(email, "wrong password!"), HttpStatusCode.Unauthorized));

        // A success after a failure also resets the failure count: one extra write.
        var login = await _api.LoginAsync(email);
        Assert.Equal(0, await CountAsync(() => _api.FavMoviesWithCookieAsync(ApiClient.AccessCookie(login)), HttpStatusCode.OK));
        Assert.Equal(0, await CountAsync(
            () => _api.SendAsync(TestRequest.Get("/api/users/me").WithCookies(("auth-cookie", ApiClient.AccessCookie(login)))), HttpStatusCode.OK));

        var refreshed = await _api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login));
        Assert.Equal(2, await CountAsync(() => _api.RefreshWithCookieAsync(ApiClient.RefreshCookie(refreshed)), HttpStatusCode.OK));
        Assert.Equal(0, await CountAsync(() => _api.RefreshWithCookieAsync("not-a-refresh-token"), HttpStatusCode.Unauthorized));

        var second = await _api.LoginAsync(email);
        Assert.Equal(1, await CountAsync(
            () => _api.SendAsync(TestRequest.Post("/api/auth/logout").WithCookies(("refresh-cookie", ApiClient.RefreshCookie(second)))), HttpStatusCode.NoContent));

        var third = await _api.LoginAsync(email);
        Assert.Equal(2, await CountAsync(
            () => _api.SendAsync(TestRequest.Post("/api/auth/logout-all").WithBearer(ApiClient.AccessCookie(third))), HttpStatusCode.NoContent));
        Assert.Collection(
            _host.StorageCalls.Requests,
            query => Assert.Contains("$filter=PartitionKey eq '" + third.BodyJson.GetProperty("userId").GetString() + "'", query),
            batch => Assert.StartsWith("POST ", batch));
    }
}

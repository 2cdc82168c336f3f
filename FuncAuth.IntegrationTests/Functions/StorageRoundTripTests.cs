using System.Net;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.IntegrationTests.Functions;

/// <summary>
/// The storage round trips of each operation, counted on the app's own TableServiceClient. Table creation
/// happens once per process and is done (by a health call) before counting starts.
/// </summary>
public sealed class StorageRoundTripTests : FunctionTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, (await Api.SendAsync(TestRequest.Get("/api/health"))).StatusCode);
    }

    private async Task<int> CountAsync(Func<Task<TestHttpResponseData>> operation, HttpStatusCode expected)
    {
        Host.StorageCalls.Reset();
        var response = await operation();
        Assert.Equal(expected, response.StatusCode);
        return Host.StorageCalls.Count;
    }

    [Fact]
    public async Task EachOperationMakesItsTargetNumberOfStorageCalls()
    {
        var email = ApiClient.UniqueEmail();

        Assert.Equal(1, await CountAsync(() => Api.RegisterAsync(email), HttpStatusCode.Created));

        // Read the user, count the attempt before hashing, then insert the session and reset the count (in parallel).
        Assert.Equal(4, await CountAsync(() => Api.LoginAsync(email), HttpStatusCode.OK));
        Assert.Equal(1, await CountAsync(() => Api.LoginAsync(ApiClient.UniqueEmail()), HttpStatusCode.Unauthorized));
        Assert.Equal(2, await CountAsync(() => Api.LoginAsync(email, "wrong password, long enough"), HttpStatusCode.Unauthorized));

        var login = await Api.LoginAsync(email);
        Assert.Equal(0, await CountAsync(() => Api.FavMoviesWithCookieAsync(ApiClient.AccessCookie(login)), HttpStatusCode.OK));

        // The access token carries no personal data: /me reads the caller's session row.
        Assert.Equal(1, await CountAsync(
            () => Api.SendAsync(TestRequest.Get("/api/users/me").WithCookies(("auth-cookie", ApiClient.AccessCookie(login)))), HttpStatusCode.OK));

        var refreshed = await Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(login));
        Assert.Equal(2, await CountAsync(() => Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(refreshed)), HttpStatusCode.OK));
        Assert.Equal(1, await CountAsync(() => Api.RefreshWithCookieAsync(ApiClient.RefreshCookie(refreshed)), HttpStatusCode.OK));
        Assert.Equal(0, await CountAsync(() => Api.RefreshWithCookieAsync("not-a-refresh-token"), HttpStatusCode.Unauthorized));
        Assert.Equal(0, await CountAsync(() => Api.RefreshWithCookieAsync(RefreshTokenForgery.WithRandomMac(ApiClient.RefreshCookie(refreshed))), HttpStatusCode.Unauthorized));

        var second = await Api.LoginAsync(email);
        Assert.Equal(1, await CountAsync(
            () => Api.SendAsync(TestRequest.Post("/api/auth/logout").WithCookies(("refresh-cookie", ApiClient.RefreshCookie(second)))), HttpStatusCode.NoContent));

        var third = await Api.LoginAsync(email);
        Assert.Equal(2, await CountAsync(
            () => Api.SendAsync(TestRequest.Post("/api/auth/logout-all").WithBearer(ApiClient.AccessCookie(third))), HttpStatusCode.NoContent));
        Assert.Collection(
            Host.StorageCalls.Requests,
            query => Assert.Contains("$filter=PartitionKey eq '" + third.BodyJson.GetProperty("userId").GetString() + "'", query),
            batch => Assert.StartsWith("POST ", batch));
    }
}

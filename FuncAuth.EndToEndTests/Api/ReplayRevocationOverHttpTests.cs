using System.Net;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>Replay outside the grace window, over HTTP, against a server whose grace window is zero.</summary>
public sealed class ReplayRevocationOverHttpTests(OwnServerFixture server) : IClassFixture<OwnServerFixture>
{
    [Fact]
    public async Task ReplayingARotatedTokenRevokesTheWholeSession()
    {
        using var victim = new BrowserLikeClient(server.Host.BaseAddress);
        using var thief = new BrowserLikeClient(server.Host.BaseAddress);
        await victim.SignInNewUserAsync();
        var stolen = victim.Jar.Find("refresh-cookie")!;
        thief.Jar.Receive(new Uri(server.Host.BaseAddress, "api/auth/login"), [stolen.RawSetCookie]);
        Assert.Equal(HttpStatusCode.OK, (await victim.RefreshAsync()).StatusCode);

        var replay = await thief.RefreshAsync();

        await ProblemAssert.IsProblemAsync(replay, HttpStatusCode.Unauthorized);
        // The victim's current token died with the session: the family is revoked, not just the old token.
        await ProblemAssert.IsProblemAsync(await victim.RefreshAsync(), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ReplayingTheFirstTokenAfter150RotationsStillRevokesTheSession()
    {
        // A thief cannot flush the victim's original token out of replay detection by rotating many times.
        using var victim = new BrowserLikeClient(server.Host.BaseAddress);
        using var thief = new BrowserLikeClient(server.Host.BaseAddress);
        await victim.SignInNewUserAsync();
        var original = victim.Jar.Find("refresh-cookie")!;
        thief.Jar.Receive(new Uri(server.Host.BaseAddress, "api/auth/login"), [original.RawSetCookie]);
        for (var i = 0; i < 150; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await thief.RefreshAsync()).StatusCode);
        }

        await ProblemAssert.IsProblemAsync(await victim.RefreshAsync(), HttpStatusCode.Unauthorized);

        await ProblemAssert.IsProblemAsync(await thief.RefreshAsync(), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ReplayRevocationLeavesTheUsersOtherSessionsAlone()
    {
        using var laptop = new BrowserLikeClient(server.Host.BaseAddress);
        using var phone = new BrowserLikeClient(server.Host.BaseAddress);
        var (email, _) = await laptop.SignInNewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await phone.LoginAsync(email)).StatusCode);
        var old = laptop.Jar.Find("refresh-cookie")!;
        Assert.Equal(HttpStatusCode.OK, (await laptop.RefreshAsync()).StatusCode);
        laptop.Jar.Receive(new Uri(server.Host.BaseAddress, "api/auth/login"), [old.RawSetCookie]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.RefreshAsync()).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await phone.RefreshAsync()).StatusCode);
    }
}

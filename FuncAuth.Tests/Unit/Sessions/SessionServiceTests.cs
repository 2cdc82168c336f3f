using FuncAuth.Auth;
using FuncAuth.Sessions;
using FuncAuth.Tests.Unit.Fakes;
using FuncAuth.Tokens;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Tests.Unit.Sessions;

public sealed class SessionServiceTests
{
    private const string UserId = "0123456789abcdef0123456789abcdef";
    private const string SessionId = "fedcba9876543210fedcba9876543210";

    private readonly FakeTimeProvider _clock = TestAuth.Clock();
    private readonly AuthOptions _options = TestAuth.Options();
    private readonly FakeSessionStore _store = new();
    private readonly AccessTokenService _tokens;
    private readonly SessionService _service;

    public SessionServiceTests()
    {
        var options = MsOptions.Create(_options);
        _tokens = new AccessTokenService(options, _clock);
        _service = new SessionService(_store, _tokens, options, _clock, NullLogger<SessionService>.Instance);
    }

    /// <summary>Stores a fresh session and returns its first refresh token.</summary>
    private string StartSession(string sessionId = SessionId)
    {
        var token = RefreshTokenCodec.Create(UserId, sessionId);
        _store.Put(SessionRotation.Start(UserId, sessionId, "alice@example.com", "Alice", token.Hash, _clock.GetUtcNow(), _options));
        _store.ResetCounts();
        return token.Token;
    }

    private Task<RefreshResult> Refresh(string? token) => _service.RefreshAsync(token, CancellationToken.None);

    private static RefreshFailureReason FailureReason(RefreshResult result) => Assert.IsType<RefreshResult.Failure>(result).Reason;

    [Fact]
    public async Task RefreshAsync_CurrentToken_RotatesInTwoRoundTrips()
    {
        var token = StartSession();
        _clock.Advance(TimeSpan.FromHours(1));

        var tokens = Assert.IsType<RefreshResult.Success>(await Refresh(token)).Tokens;

        Assert.Equal((1, 1), (_store.Reads, _store.Replaces));
        Assert.Equal(2, _store.RoundTrips);
        var stored = _store.Find(UserId, SessionId)!;
        Assert.True(RefreshTokenCodec.TryParse(tokens.RefreshToken, out var parsed));
        Assert.Equal(stored.CurrentTokenHash, parsed.Hash);
        Assert.Equal(1, stored.Generation);
        Assert.Equal(_clock.GetUtcNow() + _options.RefreshTokenLifetime, tokens.RefreshTokenExpiresAt);
        Assert.Equal(new AuthenticatedUser(UserId, SessionId, "alice@example.com", "Alice"), _tokens.Validate(tokens.AccessToken));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.sig")]
    public async Task RefreshAsync_Malformed_FailsWithoutStorageCall(string? token)
    {
        Assert.Equal(RefreshFailureReason.Malformed, FailureReason(await Refresh(token)));
        Assert.Equal(0, _store.RoundTrips);
    }

    [Fact]
    public async Task RefreshAsync_NoSuchSession_Unknown()
    {
        var token = RefreshTokenCodec.Create(UserId, SessionId).Token;

        Assert.Equal(RefreshFailureReason.Unknown, FailureReason(await Refresh(token)));
        Assert.Equal(1, _store.RoundTrips);
    }

    [Fact]
    public async Task RefreshAsync_ForeignTokenForExistingSession_UnknownWithoutWrite()
    {
        StartSession();

        Assert.Equal(RefreshFailureReason.Unknown, FailureReason(await Refresh(RefreshTokenCodec.Create(UserId, SessionId).Token)));
        Assert.Equal(0, _store.Replaces);
    }

    [Fact]
    public async Task RefreshAsync_AtRefreshExpiry_ExpiredWithoutWrite()
    {
        var token = StartSession();
        _clock.Advance(_options.RefreshTokenLifetime);

        Assert.Equal(RefreshFailureReason.Expired, FailureReason(await Refresh(token)));
        Assert.Equal(0, _store.Replaces);
    }

    [Fact]
    public async Task RefreshAsync_PreviousTokenWithinGrace_GraceRefusedAndSessionKept()
    {
        var first = StartSession();
        var second = Assert.IsType<RefreshResult.Success>(await Refresh(first)).Tokens.RefreshToken;
        _clock.Advance(_options.RefreshReuseGrace - TimeSpan.FromSeconds(1));

        Assert.Equal(RefreshFailureReason.GraceRefused, FailureReason(await Refresh(first)));
        Assert.Null(_store.Find(UserId, SessionId)!.RevokedAt);
        Assert.IsType<RefreshResult.Success>(await Refresh(second));
    }

    [Fact]
    public async Task RefreshAsync_PreviousTokenAfterGrace_RevokesSessionAndRefusesItsCurrentToken()
    {
        var first = StartSession();
        var second = Assert.IsType<RefreshResult.Success>(await Refresh(first)).Tokens.RefreshToken;
        _clock.Advance(_options.RefreshReuseGrace);
        _store.ResetCounts();

        Assert.Equal(RefreshFailureReason.ReplayDetected, FailureReason(await Refresh(first)));

        Assert.Equal((1, 1), (_store.Reads, _store.Replaces));
        Assert.Equal(_clock.GetUtcNow(), _store.Find(UserId, SessionId)!.RevokedAt);
        Assert.Equal(RefreshFailureReason.Revoked, FailureReason(await Refresh(second)));
    }

    [Fact]
    public async Task RefreshAsync_ReplayWhileSessionChanges_RereadsAndRevokes()
    {
        var first = StartSession();
        var second = Assert.IsType<RefreshResult.Success>(await Refresh(first)).Tokens.RefreshToken;
        _clock.Advance(TimeSpan.FromMinutes(1));
        _store.BeforeReplace = () =>
        {
            // The thief rotates between our read and our revoke.
            _store.BeforeReplace = null;
            _store.Put(_store.Find(UserId, SessionId)! with { Generation = 99 });
        };
        _store.ResetCounts();

        Assert.Equal(RefreshFailureReason.ReplayDetected, FailureReason(await Refresh(first)));

        Assert.Equal((2, 2), (_store.Reads, _store.Replaces));
        Assert.NotNull(_store.Find(UserId, SessionId)!.RevokedAt);
        Assert.Equal(RefreshFailureReason.Revoked, FailureReason(await Refresh(second)));
    }

    [Fact]
    public async Task RefreshAsync_ConcurrentWriterWins_LostRace()
    {
        var token = StartSession();
        _store.BeforeReplace = () => _store.Put(_store.Find(UserId, SessionId)!);

        Assert.Equal(RefreshFailureReason.LostRace, FailureReason(await Refresh(token)));
        Assert.Equal(0, _store.Find(UserId, SessionId)!.Generation);
    }

    [Fact]
    public async Task LogoutAsync_WithRefreshToken_DeletesItsSessionInOneRoundTrip()
    {
        var token = StartSession();
        StartSession("11111111111111111111111111111111");
        var caller = new AuthenticatedUser(UserId, "11111111111111111111111111111111", "alice@example.com", "Alice");

        await _service.LogoutAsync(token, caller, CancellationToken.None);

        Assert.Null(_store.Find(UserId, SessionId));
        Assert.NotNull(_store.Find(UserId, "11111111111111111111111111111111"));
        Assert.Equal((1, 1), (_store.Deletes, _store.RoundTrips));
    }

    [Fact]
    public async Task LogoutAsync_MalformedTokenWithCaller_DeletesCallersSession()
    {
        StartSession();
        var caller = new AuthenticatedUser(UserId, SessionId, "alice@example.com", "Alice");

        await _service.LogoutAsync("garbage", caller, CancellationToken.None);

        Assert.Null(_store.Find(UserId, SessionId));
        Assert.Equal(1, _store.RoundTrips);
    }

    [Fact]
    public async Task LogoutAsync_NoTokenNoCaller_DoesNothing()
    {
        StartSession();

        await _service.LogoutAsync(null, null, CancellationToken.None);
        await _service.LogoutAsync("garbage", null, CancellationToken.None);

        Assert.NotNull(_store.Find(UserId, SessionId));
        Assert.Equal(0, _store.RoundTrips);
    }

    [Fact]
    public async Task LogoutAsync_AlreadyLoggedOut_StillOneDeleteWithoutError()
    {
        var token = StartSession();
        await _service.LogoutAsync(token, null, CancellationToken.None);

        await _service.LogoutAsync(token, null, CancellationToken.None);

        Assert.Equal(2, _store.Deletes);
        Assert.Equal(RefreshFailureReason.Unknown, FailureReason(await Refresh(token)));
    }

    [Fact]
    public async Task LogoutAllAsync_ThreeSessions_DeletesAllInOneCall()
    {
        StartSession("11111111111111111111111111111111");
        StartSession("22222222222222222222222222222222");
        StartSession();

        Assert.Equal(3, await _service.LogoutAllAsync(UserId, CancellationToken.None));

        Assert.Empty(_store.All);
        Assert.Equal((1, 1), (_store.DeleteAlls, _store.RoundTrips));
    }
}

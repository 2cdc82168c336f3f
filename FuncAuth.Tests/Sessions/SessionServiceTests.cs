using System.Buffers.Text;
using System.Security.Cryptography;
using FuncAuth.Auth;
using FuncAuth.Sessions;
using FuncAuth.Tests.Fakes;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Metrics;
using FuncAuth.Tokens;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Tests.Sessions;

public sealed class SessionServiceTests
{
    private const string UserId = "0123456789abcdef0123456789abcdef";
    private const string SessionId = "fedcba9876543210fedcba9876543210";
    private const string OtherSessionId = "11111111111111111111111111111111";

    private readonly FakeTimeProvider _clock = TestAuth.Clock();
    private readonly AuthOptions _options = TestAuth.Options();
    private readonly FakeSessionStore _store = new();
    private readonly AccessTokenService _accessTokens;
    private readonly RefreshTokenCodec _refreshTokens;
    private readonly SessionService _service;

    public SessionServiceTests()
    {
        _accessTokens = TestAuth.AccessTokens(_options, _clock);
        _refreshTokens = TestAuth.RefreshTokens(_options);
        _service = new SessionService(_store, _refreshTokens, _accessTokens, MsOptions.Create(_options), _clock, NullLogger<SessionService>.Instance, TestMetrics.Create());
    }

    /// <summary>Stores a fresh session and returns its first refresh token.</summary>
    private string StartSession(string sessionId = SessionId)
    {
        _store.Put(SessionRotation.Start(UserId, sessionId, "alice@example.com", "Alice", _clock.GetUtcNow(), _options));
        _store.ResetCounts();
        return _refreshTokens.Issue(UserId, sessionId, 0);
    }

    private SessionRecord Stored => _store.Find(UserId, SessionId)!;

    private Task<RefreshResult> Refresh(string? token) => _service.RefreshAsync(token, CancellationToken.None);

    private async Task<IssuedTokens> Rotated(string token) => Assert.IsType<RefreshResult.Success>(await Refresh(token)).Tokens;

    private static RefreshFailureReason FailureReason(RefreshResult result) => Assert.IsType<RefreshResult.Failure>(result).Reason;

    private static string WithRandomMac(string token)
    {
        var bytes = Base64Url.DecodeFromChars(token);
        RandomNumberGenerator.Fill(bytes.AsSpan(37));
        return Base64Url.EncodeToString(bytes);
    }

    [Fact]
    public async Task RefreshAsync_CurrentToken_RotatesToNextGenerationInTwoRoundTrips()
    {
        var token = StartSession();
        _clock.Advance(TimeSpan.FromHours(1));

        var tokens = await Rotated(token);

        Assert.Equal((1, 1, 2), (_store.Reads, _store.Replaces, _store.RoundTrips));
        Assert.Equal(1, Stored.Generation);
        Assert.Equal(_clock.GetUtcNow(), Stored.RotatedAt);
        Assert.Equal(RefreshTokenParseResult.Genuine, _refreshTokens.TryParse(tokens.RefreshToken, out var parsed));
        Assert.Equal(new ParsedRefreshToken(UserId, SessionId, 1), parsed);
        Assert.Equal(_clock.GetUtcNow() + _options.RefreshTokenLifetime, tokens.RefreshTokenExpiresAt);
        Assert.Equal(new AuthenticatedUser(UserId, SessionId), _accessTokens.Validate(tokens.AccessToken));
        Assert.Equal(("alice@example.com", "Alice"), (tokens.Email, tokens.DisplayName));
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
    public async Task RefreshAsync_RealIdsWithMadeUpSecret_ForgedWithoutStorageCallAndSessionUntouched()
    {
        var genuine = StartSession();
        var before = Stored;

        Assert.Equal(RefreshFailureReason.Forged, FailureReason(await Refresh(WithRandomMac(genuine))));

        Assert.Equal(0, _store.RoundTrips);
        Assert.Equal(before, Stored);
        Assert.IsType<RefreshResult.Success>(await Refresh(genuine));
    }

    [Fact]
    public async Task RefreshAsync_NoSuchSession_UnknownInOneRead()
    {
        Assert.Equal(RefreshFailureReason.Unknown, FailureReason(await Refresh(_refreshTokens.Issue(UserId, SessionId, 0))));
        Assert.Equal(1, _store.RoundTrips);
    }

    [Fact]
    public async Task RefreshAsync_GenerationTheSessionNeverReached_UnknownWithoutWrite()
    {
        StartSession();

        Assert.Equal(RefreshFailureReason.Unknown, FailureReason(await Refresh(_refreshTokens.Issue(UserId, SessionId, 5))));
        Assert.Equal((0, 0, 0), (_store.Replaces, _store.Revokes, Stored.Generation));
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
    public async Task RefreshAsync_SameTokenAgainOneSecondBeforeGraceEnds_SameSuccessorWithoutWrite()
    {
        var first = StartSession();
        var successor = await Rotated(first);
        _clock.Advance(_options.RefreshReuseGrace - TimeSpan.FromSeconds(1));
        _store.ResetCounts();

        var again = await Rotated(first);

        Assert.Equal(successor.RefreshToken, again.RefreshToken);
        Assert.Equal(successor.RefreshTokenExpiresAt, again.RefreshTokenExpiresAt);
        Assert.Equal(new AuthenticatedUser(UserId, SessionId), _accessTokens.Validate(again.AccessToken));
        Assert.Equal((1, 0, 1), (_store.Reads, _store.Replaces, _store.RoundTrips));
        Assert.Equal(1, Stored.Generation);
        Assert.Null(Stored.RevokedAt);
        Assert.IsType<RefreshResult.Success>(await Refresh(successor.RefreshToken));
    }

    [Fact]
    public async Task RefreshAsync_PreviousTokenAtGraceEnd_RevokesSessionAndRefusesItsCurrentToken()
    {
        var first = StartSession();
        var second = (await Rotated(first)).RefreshToken;
        _clock.Advance(_options.RefreshReuseGrace);
        _store.ResetCounts();

        Assert.Equal(RefreshFailureReason.ReplayDetected, FailureReason(await Refresh(first)));

        Assert.Equal((1, 0, 1), (_store.Reads, _store.Replaces, _store.Revokes));
        Assert.Equal(_clock.GetUtcNow(), Stored.RevokedAt);
        Assert.Equal(RefreshFailureReason.Revoked, FailureReason(await Refresh(second)));
    }

    [Fact]
    public async Task RefreshAsync_FirstTokenAfter150Rotations_RevokesSession()
    {
        var first = StartSession();
        var current = first;
        for (var i = 0; i < 150; i++)
        {
            current = (await Rotated(current)).RefreshToken;
        }

        _clock.Advance(_options.RefreshReuseGrace);

        Assert.Equal(RefreshFailureReason.ReplayDetected, FailureReason(await Refresh(first)));
        Assert.NotNull(Stored.RevokedAt);
        Assert.Equal(RefreshFailureReason.Revoked, FailureReason(await Refresh(current)));
    }

    [Fact]
    public async Task RefreshAsync_ConcurrentRefreshWonTheWrite_ThisOneGetsTheSameSuccessor()
    {
        var token = StartSession();
        var winner = _refreshTokens.Issue(UserId, SessionId, 1);
        _store.BeforeReplace = () =>
        {
            // Another tab's refresh with the same token lands between our read and our write.
            _store.BeforeReplace = null;
            _store.Put(SessionRotation.Rotate(Stored, _clock.GetUtcNow(), _options));
        };

        var tokens = await Rotated(token);

        Assert.Equal(winner, tokens.RefreshToken);
        Assert.Equal((2, 1), (_store.Reads, _store.Replaces));
        Assert.Equal(1, Stored.Generation);
        Assert.Null(Stored.RevokedAt);
    }

    [Fact]
    public async Task RefreshAsync_WriteLandedButItsAnswerWasLost_SuccessorRecognisedAndRotatedOnce()
    {
        var token = StartSession();
        _store.ReplaceAnswersToLose = 1;

        var tokens = await Rotated(token);

        Assert.Equal(_refreshTokens.Issue(UserId, SessionId, 1), tokens.RefreshToken);
        Assert.Equal(1, Stored.Generation);
        Assert.Null(Stored.RevokedAt);
    }

    [Fact]
    public async Task RefreshAsync_SessionKeepsChangingUnderEveryWrite_LostRaceAfterThreeReads()
    {
        var token = StartSession();
        _store.BeforeReplace = () => _store.Put(Stored);

        Assert.Equal(RefreshFailureReason.LostRace, FailureReason(await Refresh(token)));

        Assert.Equal((SessionService.MaxReads, SessionService.MaxReads), (_store.Reads, _store.Replaces));
        Assert.Equal(0, Stored.Generation);
    }

    [Fact]
    public async Task RefreshAsync_ThiefRotatesBetweenReplayReadAndRevoke_SessionStillRevoked()
    {
        var first = StartSession();
        var thiefs = (await Rotated(first)).RefreshToken;
        _clock.Advance(TimeSpan.FromMinutes(1));
        _store.BeforeRevoke = () =>
        {
            _store.BeforeRevoke = null;
            _store.Put(SessionRotation.Rotate(Stored, _clock.GetUtcNow(), _options));
        };

        Assert.Equal(RefreshFailureReason.ReplayDetected, FailureReason(await Refresh(first)));

        Assert.Equal(2, Stored.Generation);
        Assert.NotNull(Stored.RevokedAt);
        Assert.Equal(RefreshFailureReason.Revoked, FailureReason(await Refresh(thiefs)));
        Assert.Equal(RefreshFailureReason.Revoked, FailureReason(await Refresh(_refreshTokens.Issue(UserId, SessionId, 2))));
    }

    [Fact]
    public async Task RefreshAsync_ReplayedRevokedSession_StaysRevokedWithoutAnotherWrite()
    {
        var first = StartSession();
        await Rotated(first);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Refresh(first);
        _store.ResetCounts();

        Assert.Equal(RefreshFailureReason.Revoked, FailureReason(await Refresh(first)));
        Assert.Equal((1, 0), (_store.Reads, _store.Revokes));
    }

    [Fact]
    public async Task LogoutAsync_GenuineToken_DeletesItsSessionInOneRoundTrip()
    {
        var token = StartSession();
        StartSession(OtherSessionId);
        var caller = new AuthenticatedUser(UserId, OtherSessionId);

        await _service.LogoutAsync(token, caller, CancellationToken.None);

        Assert.Null(_store.Find(UserId, SessionId));
        Assert.NotNull(_store.Find(UserId, OtherSessionId));
        Assert.Equal((1, 1), (_store.Deletes, _store.RoundTrips));
    }

    [Fact]
    public async Task LogoutAsync_RealIdsWithMadeUpSecret_ChangesNothing()
    {
        var token = StartSession();

        await _service.LogoutAsync(WithRandomMac(token), null, CancellationToken.None);

        Assert.NotNull(_store.Find(UserId, SessionId));
        Assert.Equal(0, _store.RoundTrips);
        Assert.IsType<RefreshResult.Success>(await Refresh(token));
    }

    [Fact]
    public async Task LogoutAsync_ForgedTokenWithValidCaller_EndsOnlyTheCallersSession()
    {
        var token = StartSession();
        StartSession(OtherSessionId);

        await _service.LogoutAsync(WithRandomMac(token), new AuthenticatedUser(UserId, OtherSessionId), CancellationToken.None);

        Assert.NotNull(_store.Find(UserId, SessionId));
        Assert.Null(_store.Find(UserId, OtherSessionId));
    }

    [Fact]
    public async Task LogoutAsync_MalformedTokenWithCaller_DeletesCallersSession()
    {
        StartSession();

        await _service.LogoutAsync("garbage", new AuthenticatedUser(UserId, SessionId), CancellationToken.None);

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
    public async Task LogoutAsync_AlreadyLoggedOut_StillOneDeleteWithoutErrorAndTokenIsDead()
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
        StartSession(OtherSessionId);
        StartSession("22222222222222222222222222222222");
        StartSession();

        Assert.Equal(3, await _service.LogoutAllAsync(UserId, CancellationToken.None));

        Assert.Empty(_store.All);
        Assert.Equal((1, 1), (_store.DeleteAlls, _store.RoundTrips));
    }
}

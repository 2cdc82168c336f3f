using FuncAuth.Auth;
using FuncAuth.Sessions;
using FuncAuth.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace FuncAuth.Tests.Unit.Sessions;

public sealed class SessionRotationTests
{
    private const string UserId = "0123456789abcdef0123456789abcdef";
    private const string SessionId = "fedcba9876543210fedcba9876543210";
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private readonly AuthOptions _options = TestAuth.Options();
    private readonly FakeTimeProvider _clock = TestAuth.Clock();

    private static string NewHash() => RefreshTokenCodec.Create(UserId, SessionId).Hash;

    private SessionRecord Started(string hash) =>
        SessionRotation.Start(UserId, SessionId, "a@b.io", "A", hash, _clock.GetUtcNow(), _options);

    private RotationDecision Decide(SessionRecord session, string hash) =>
        SessionRotation.Decide(session, hash, _clock.GetUtcNow(), _options);

    [Fact]
    public void Start_Always_SetsRefreshAndAbsoluteExpiry()
    {
        var session = Started(NewHash());

        Assert.Equal(TestAuth.Start + _options.RefreshTokenLifetime, session.RefreshExpiresAt);
        Assert.Equal(TestAuth.Start + _options.SessionLifetime, session.AbsoluteExpiresAt);
        Assert.Equal(0, session.Generation);
    }

    [Fact]
    public void Decide_CurrentOneSecondBeforeRefreshExpiry_Rotate()
    {
        var hash = NewHash();
        var session = Started(hash);
        _clock.Advance(_options.RefreshTokenLifetime - OneSecond);

        Assert.Equal(RotationDecision.Rotate, Decide(session, hash));
    }

    [Fact]
    public void Decide_CurrentAtRefreshExpiry_Expired()
    {
        var hash = NewHash();
        var session = Started(hash);
        _clock.Advance(_options.RefreshTokenLifetime);

        Assert.Equal(RotationDecision.Expired, Decide(session, hash));
    }

    [Fact]
    public void Decide_CurrentAtAbsoluteExpiryBeforeRefreshExpiry_Expired()
    {
        var hash = NewHash();
        var session = Started(hash) with { RefreshExpiresAt = TestAuth.Start.AddDays(40) };
        _clock.Advance(_options.SessionLifetime);

        Assert.Equal(RotationDecision.Expired, Decide(session, hash));
    }

    [Fact]
    public void Rotate_NearAbsoluteExpiry_CapsRenewedExpiryAtAbsolute()
    {
        var session = Started(NewHash());
        _clock.Advance(_options.SessionLifetime - TimeSpan.FromHours(2));

        var rotated = SessionRotation.Rotate(session, NewHash(), _clock.GetUtcNow(), _options);

        Assert.Equal(session.AbsoluteExpiresAt, rotated.RefreshExpiresAt);
    }

    [Fact]
    public void Rotate_Always_MovesHashesAndRenewsExpiry()
    {
        var first = NewHash();
        var second = NewHash();
        var session = Started(first) with { ETag = "etag-1" };
        _clock.Advance(TimeSpan.FromHours(3));

        var rotated = SessionRotation.Rotate(session, second, _clock.GetUtcNow(), _options);

        Assert.Equal(second, rotated.CurrentTokenHash);
        Assert.Equal(first, rotated.PreviousTokenHash);
        Assert.Empty(rotated.RetiredTokenHashes);
        Assert.Equal(1, rotated.Generation);
        Assert.Equal(_clock.GetUtcNow(), rotated.RotatedAt);
        Assert.Equal(_clock.GetUtcNow() + _options.RefreshTokenLifetime, rotated.RefreshExpiresAt);
        Assert.Equal("etag-1", rotated.ETag);
    }

    [Fact]
    public void Rotate_Twice_RetiresOldPrevious()
    {
        var (first, second, third) = (NewHash(), NewHash(), NewHash());
        var session = SessionRotation.Rotate(Started(first), second, _clock.GetUtcNow(), _options);
        _clock.Advance(TimeSpan.FromMinutes(20));

        var rotated = SessionRotation.Rotate(session, third, _clock.GetUtcNow(), _options);

        Assert.Equal([first], rotated.RetiredTokenHashes);
        Assert.Equal(second, rotated.PreviousTokenHash);
    }

    [Fact]
    public void Rotate_RefreshLifetimeAfterLastRotation_DropsRetiredHashes()
    {
        var (first, second, third) = (NewHash(), NewHash(), NewHash());
        var session = SessionRotation.Rotate(Started(first), second, _clock.GetUtcNow(), _options) with { RetiredTokenHashes = [NewHash()] };
        _clock.Advance(_options.RefreshTokenLifetime - OneSecond);
        Assert.Equal(2, SessionRotation.Rotate(session, third, _clock.GetUtcNow(), _options).RetiredTokenHashes.Count);

        _clock.Advance(OneSecond);

        Assert.Empty(SessionRotation.Rotate(session, third, _clock.GetUtcNow(), _options).RetiredTokenHashes);
    }

    [Fact]
    public void Rotate_ManyTimes_CapsRetiredAtMaximumKeepingNewest()
    {
        var session = Started(NewHash());
        for (var i = 0; i < SessionRotation.MaxRetiredHashes + 10; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            session = SessionRotation.Rotate(session, NewHash(), _clock.GetUtcNow(), _options);
        }

        var previousBefore = session.PreviousTokenHash!;
        var next = SessionRotation.Rotate(session, NewHash(), _clock.GetUtcNow(), _options);

        Assert.Equal(SessionRotation.MaxRetiredHashes, next.RetiredTokenHashes.Count);
        Assert.Equal(previousBefore, next.RetiredTokenHashes[^1]);
        Assert.Equal(session.RetiredTokenHashes[^(SessionRotation.MaxRetiredHashes - 1)], next.RetiredTokenHashes[0]);
    }

    [Fact]
    public void Decide_PreviousOneSecondBeforeGraceEnds_GraceRefused()
    {
        var (first, second) = (NewHash(), NewHash());
        var session = SessionRotation.Rotate(Started(first), second, _clock.GetUtcNow(), _options);
        _clock.Advance(_options.RefreshReuseGrace - OneSecond);

        Assert.Equal(RotationDecision.GraceRefused, Decide(session, first));
    }

    [Fact]
    public void Decide_PreviousAtGraceEnd_ReplayDetected()
    {
        var (first, second) = (NewHash(), NewHash());
        var session = SessionRotation.Rotate(Started(first), second, _clock.GetUtcNow(), _options);
        _clock.Advance(_options.RefreshReuseGrace);

        Assert.Equal(RotationDecision.ReplayDetected, Decide(session, first));
    }

    [Fact]
    public void Decide_RetiredToken_ReplayDetected()
    {
        var (first, second, third) = (NewHash(), NewHash(), NewHash());
        var session = SessionRotation.Rotate(Started(first), second, _clock.GetUtcNow(), _options);
        session = SessionRotation.Rotate(session, third, _clock.GetUtcNow(), _options);

        Assert.Equal(RotationDecision.ReplayDetected, Decide(session, first));
    }

    [Fact]
    public void Decide_RevokedSessionWithCurrentToken_Revoked()
    {
        var hash = NewHash();
        var session = SessionRotation.Revoke(Started(hash), _clock.GetUtcNow());

        Assert.Equal(_clock.GetUtcNow(), session.RevokedAt);
        Assert.Equal(RotationDecision.Revoked, Decide(session, hash));
    }

    [Fact]
    public void Decide_RevokedSessionWithReplayedToken_Revoked()
    {
        var (first, second) = (NewHash(), NewHash());
        var session = SessionRotation.Revoke(SessionRotation.Rotate(Started(first), second, _clock.GetUtcNow(), _options), _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(RotationDecision.Revoked, Decide(session, first));
    }

    [Fact]
    public void Decide_UnrelatedHash_Unknown() =>
        Assert.Equal(RotationDecision.Unknown, Decide(Started(NewHash()), NewHash()));
}

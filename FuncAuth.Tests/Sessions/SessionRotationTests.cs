using FuncAuth.Auth;
using FuncAuth.Sessions;
using FuncAuth.TestSupport.Auth;

namespace FuncAuth.Tests.Sessions;

public sealed class SessionRotationTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly AuthOptions _options = TestAuth.Options();
    private readonly DateTimeOffset _start = TestAuth.Start;

    private SessionRecord Login() =>
        SessionRotation.Start("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", "a@example.test", "A", _start, _options) with
        {
            ETag = "W/\"1\"",
        };

    /// <summary>The session after <paramref name="rotations"/> rotations, the last at <paramref name="lastAt"/>.</summary>
    private SessionRecord RotatedTimes(int rotations, DateTimeOffset lastAt)
    {
        var session = Login();
        for (var i = 0; i < rotations; i++)
        {
            session = SessionRotation.Rotate(session, lastAt, _options);
        }

        return session;
    }

    private RotationDecision Decide(SessionRecord session, int generation, DateTimeOffset now) =>
        SessionRotation.Decide(session, generation, now, _options);

    [Fact]
    public void Start_Login_GenerationZeroWithLifetimesFromNow()
    {
        var session = Login();

        Assert.Equal(0, session.Generation);
        Assert.Null(session.RotatedAt);
        Assert.Null(session.RevokedAt);
        Assert.Equal(_start, session.CreatedAt);
        Assert.Equal(_start + _options.RefreshTokenLifetime, session.RefreshExpiresAt);
        Assert.Equal(_start + _options.SessionLifetime, session.AbsoluteExpiresAt);
    }

    [Fact]
    public void Start_RefreshLifetimeLongerThanSession_CappedAtAbsoluteExpiry()
    {
        _options.RefreshTokenLifetime = TimeSpan.FromDays(2);
        _options.SessionLifetime = TimeSpan.FromDays(1);

        Assert.Equal(_start + TimeSpan.FromDays(1), Login().RefreshExpiresAt);
    }

    [Fact]
    public void Decide_CurrentGenerationOneSecondBeforeRefreshExpiry_Rotate() =>
        Assert.Equal(RotationDecision.Rotate, Decide(Login(), 0, _start + _options.RefreshTokenLifetime - Second));

    [Fact]
    public void Decide_CurrentGenerationAtRefreshExpiry_Expired() =>
        Assert.Equal(RotationDecision.Expired, Decide(Login(), 0, _start + _options.RefreshTokenLifetime));

    [Fact]
    public void Decide_OneSecondBeforeAbsoluteExpiry_Rotate()
    {
        var session = RotatedTimes(1, _start + _options.SessionLifetime - TimeSpan.FromHours(1));

        Assert.Equal(RotationDecision.Rotate, Decide(session, 1, _start + _options.SessionLifetime - Second));
    }

    [Fact]
    public void Decide_AtAbsoluteExpiry_ExpiredForCurrentAndOldTokensAlike()
    {
        var session = RotatedTimes(3, _start + _options.SessionLifetime - TimeSpan.FromHours(1));
        var at = _start + _options.SessionLifetime;

        Assert.Equal(RotationDecision.Expired, Decide(session, 3, at));
        Assert.Equal(RotationDecision.Expired, Decide(session, 0, at));
    }

    [Fact]
    public void Decide_PreviousGenerationOneSecondBeforeGraceEnds_ReissueSuccessor()
    {
        var rotatedAt = _start.AddMinutes(20);
        var session = RotatedTimes(1, rotatedAt);

        Assert.Equal(RotationDecision.ReissueSuccessor, Decide(session, 0, rotatedAt + _options.RefreshReuseGrace - Second));
    }

    [Fact]
    public void Decide_PreviousGenerationAtGraceEnd_ReplayDetected()
    {
        var rotatedAt = _start.AddMinutes(20);
        var session = RotatedTimes(1, rotatedAt);

        Assert.Equal(RotationDecision.ReplayDetected, Decide(session, 0, rotatedAt + _options.RefreshReuseGrace));
    }

    [Fact]
    public void Decide_PreviousGenerationWithZeroGrace_ReplayDetectedAtOnce()
    {
        _options.RefreshReuseGrace = TimeSpan.Zero;
        var rotatedAt = _start.AddMinutes(20);

        Assert.Equal(RotationDecision.ReplayDetected, Decide(RotatedTimes(1, rotatedAt), 0, rotatedAt));
    }

    [Fact]
    public void Decide_TwoGenerationsBackWithinGrace_ReplayDetected()
    {
        // Only the token just replaced gets the grace; an older one inside the window is still someone else's copy.
        var rotatedAt = _start.AddMinutes(20);

        Assert.Equal(RotationDecision.ReplayDetected, Decide(RotatedTimes(2, rotatedAt), 0, rotatedAt));
    }

    [Fact]
    public void Decide_FirstTokenAfter150Rotations_ReplayDetected()
    {
        // Nothing is kept per rotation, so no number of rotations can flush the first token out of recognition.
        var rotatedAt = _start.AddMinutes(1);
        var session = RotatedTimes(150, rotatedAt);

        Assert.Equal(150, session.Generation);
        Assert.Equal(RotationDecision.ReplayDetected, Decide(session, 0, rotatedAt + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Decide_OldTokenLongPastItsOwnLifetime_StillReplayDetected()
    {
        var session = RotatedTimes(5, _start.AddDays(10));

        Assert.Equal(RotationDecision.ReplayDetected, Decide(session, 1, _start.AddDays(10).AddHours(1)));
    }

    [Fact]
    public void Decide_GenerationTheSessionNeverReached_Unknown() =>
        Assert.Equal(RotationDecision.Unknown, Decide(Login(), 1, _start));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Decide_RevokedSession_RevokedForEveryGeneration(int generation)
    {
        var session = RotatedTimes(2, _start.AddMinutes(1)) with { RevokedAt = _start.AddMinutes(2) };

        Assert.Equal(RotationDecision.Revoked, Decide(session, generation, _start.AddMinutes(2)));
    }

    [Fact]
    public void Decide_GenerationAtIntMax_ExpiredRatherThanOverflow()
    {
        var session = Login() with { Generation = int.MaxValue };

        Assert.Equal(RotationDecision.Expired, Decide(session, int.MaxValue, _start));
    }

    [Fact]
    public void Rotate_Current_NextGenerationRenewedAndKeepsETag()
    {
        var now = _start.AddHours(3);

        var rotated = SessionRotation.Rotate(Login(), now, _options);

        Assert.Equal(1, rotated.Generation);
        Assert.Equal(now, rotated.RotatedAt);
        Assert.Equal(now + _options.RefreshTokenLifetime, rotated.RefreshExpiresAt);
        Assert.Equal("W/\"1\"", rotated.ETag);
        Assert.Equal(_start + _options.SessionLifetime, rotated.AbsoluteExpiresAt);
    }

    [Fact]
    public void Rotate_NearAbsoluteExpiry_RefreshExpiryCapped()
    {
        var now = _start + _options.SessionLifetime - TimeSpan.FromHours(1);

        Assert.Equal(_start + _options.SessionLifetime, SessionRotation.Rotate(Login(), now, _options).RefreshExpiresAt);
    }
}

using FuncAuth.Auth;
using FuncAuth.Sessions;
using FuncAuth.TestSupport.Auth;
using FuncAuth.Users;

namespace FuncAuth.Tests.Sessions;

/// <summary>The pure session and lockout rules: argument guards, and the grace window when it outlasts the refresh.</summary>
public sealed class SessionRulesArgumentTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset Start = TestAuth.Start;

    private readonly AuthOptions _options = TestAuth.Options();
    private readonly SessionRecord _session;
    private readonly UserRecord _user = new(
        "0123456789abcdef0123456789abcdef", "alice@example.com", "alice@example.com", "Alice", "hash", 0, null, TestAuth.Start, "registration-1");

    public SessionRulesArgumentTests() =>
        _session = SessionRotation.Start("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", "alice@example.com", "Alice", Start, _options);

    [Fact]
    public void Start_NullOptions_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => SessionRotation.Start("u", "s", "e", "d", Start, null!));

    [Fact]
    public void Decide_NullSession_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => SessionRotation.Decide(null!, 0, Start, _options));

    [Fact]
    public void Decide_NullOptions_ThrowsArgumentNullException()
    {
        var rotated = SessionRotation.Rotate(_session, Start, _options);

        // A predecessor inside the window is the one path that reads the options.
        Assert.Throws<ArgumentNullException>(() => SessionRotation.Decide(rotated, 0, Start, null!));
    }

    [Fact]
    public void Rotate_NullSession_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => SessionRotation.Rotate(null!, Start, _options));

    [Fact]
    public void Rotate_NullOptions_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => SessionRotation.Rotate(_session, Start, null!));

    [Fact]
    public void Decide_PredecessorWithinGraceOneSecondBeforeRefreshExpiry_ReissueSuccessor()
    {
        var (options, rotated) = GraceLongerThanRefresh();

        Assert.Equal(RotationDecision.ReissueSuccessor, SessionRotation.Decide(rotated, 0, rotated.RefreshExpiresAt - Second, options));
    }

    [Fact]
    public void Decide_PredecessorWithinGraceAtRefreshExpiry_Expired()
    {
        var (options, rotated) = GraceLongerThanRefresh();

        // Still inside the grace window, but the successor it would reissue has expired: nothing is reissued.
        Assert.Equal(RotationDecision.Expired, SessionRotation.Decide(rotated, 0, rotated.RefreshExpiresAt, options));
    }

    [Fact]
    public void LockedFor_NullUser_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => LockoutRules.LockedFor(null!, Start));

    [Fact]
    public void Count_NullUser_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => LockoutRules.Count(null!, Start, _options.Lockout));

    [Fact]
    public void Count_NullOptions_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => LockoutRules.Count(_user, Start, null!));

    [Fact]
    public void Reset_NullUser_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => LockoutRules.Reset(null!, "hash"));

    // The validator keeps the grace well below the refresh lifetime; the rule must hold without relying on it.
    private static (AuthOptions Options, SessionRecord Rotated) GraceLongerThanRefresh()
    {
        var options = TestAuth.Options(o =>
        {
            o.RefreshTokenLifetime = TimeSpan.FromMinutes(1);
            o.RefreshReuseGrace = TimeSpan.FromMinutes(5);
        });
        var session = SessionRotation.Start("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", "a@example.com", "A", Start, options);
        return (options, SessionRotation.Rotate(session, Start, options));
    }
}

using FuncAuth.Auth;
using FuncAuth.Sessions;
using FuncAuth.TestSupport.Auth;
using FuncAuth.Users;

namespace FuncAuth.Tests.Sessions;

public sealed class LockoutRulesTests
{
    private static readonly DateTimeOffset Now = TestAuth.Start;
    private readonly LockoutOptions _options = new();

    private static UserRecord User(int count = 0, DateTimeOffset? lockedUntil = null) =>
        new("0123456789abcdef0123456789abcdef", "a@example.test", "a@example.test", "A", "hash", count, lockedUntil, Now, "r");

    [Fact]
    public void Count_BelowTheLimit_OneMoreAndNoLock()
    {
        var counted = LockoutRules.Count(User(count: 3), Now, _options)!;

        Assert.Equal((4, null), (counted.FailedLoginCount, counted.LockedUntil));
    }

    [Fact]
    public void Count_AttemptThatTakesTheLastSlot_LocksForTheDuration()
    {
        var counted = LockoutRules.Count(User(count: _options.MaxFailedAttempts - 1), Now, _options)!;

        Assert.Equal((_options.MaxFailedAttempts, Now + _options.Duration), (counted.FailedLoginCount, counted.LockedUntil));
    }

    [Fact]
    public void Count_WhileLockedOneSecondBeforeItEnds_Null() =>
        Assert.Null(LockoutRules.Count(User(count: 5, lockedUntil: Now.AddSeconds(1)), Now, _options));

    [Fact]
    public void Count_AtTheEndOfTheLock_StartsAFreshCount()
    {
        var counted = LockoutRules.Count(User(count: 5, lockedUntil: Now), Now, _options)!;

        Assert.Equal((1, null), (counted.FailedLoginCount, counted.LockedUntil));
    }

    [Fact]
    public void LockedFor_PartialSeconds_RoundsUp() =>
        Assert.Equal(TimeSpan.FromSeconds(2), LockoutRules.LockedFor(User(lockedUntil: Now.AddSeconds(1.2)), Now));

    [Fact]
    public void LockedFor_AtOrAfterTheEnd_Null()
    {
        Assert.Null(LockoutRules.LockedFor(User(lockedUntil: Now), Now));
        Assert.Null(LockoutRules.LockedFor(User(), Now));
    }

    [Fact]
    public void Reset_AfterFailuresAndLock_ClearsBothAndKeepsOrReplacesTheHash()
    {
        var user = User(count: 5, lockedUntil: Now.AddMinutes(1));

        Assert.Equal((0, null, "hash"), Tuple(LockoutRules.Reset(user, null)));
        Assert.Equal((0, null, "new"), Tuple(LockoutRules.Reset(user, "new")));
    }

    private static (int, DateTimeOffset?, string) Tuple(UserRecord u) => (u.FailedLoginCount, u.LockedUntil, u.PasswordHash);
}

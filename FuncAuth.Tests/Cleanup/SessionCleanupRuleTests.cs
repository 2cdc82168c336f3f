using FuncAuth.Cleanup;
using FuncAuth.TestSupport.Auth;
using Microsoft.Extensions.Time.Testing;

namespace FuncAuth.Tests.Cleanup;

public sealed class SessionCleanupRuleTests
{
    private static readonly DateTimeOffset Start = TestAuth.Start;
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private static readonly DateTimeOffset RefreshExpiry = Start.AddHours(6);
    private static readonly DateTimeOffset AbsoluteExpiry = Start.AddDays(20);

    private static FakeTimeProvider ClockAt(DateTimeOffset instant)
    {
        var clock = TestAuth.Clock();
        clock.AdjustTime(instant);
        return clock;
    }

    private static bool Deletable(DateTimeOffset refresh, DateTimeOffset absolute, DateTimeOffset? revokedAt, FakeTimeProvider clock) =>
        SessionCleanupRule.IsDeletable(refresh, absolute, revokedAt, clock.GetUtcNow(), Retention);

    [Fact]
    public void IsDeletable_LiveSession_False()
    {
        Assert.False(Deletable(RefreshExpiry, AbsoluteExpiry, null, TestAuth.Clock()));
    }

    [Fact]
    public void IsDeletable_OneSecondBeforeRefreshExpiry_False()
    {
        Assert.False(Deletable(RefreshExpiry, AbsoluteExpiry, null, ClockAt(RefreshExpiry.AddSeconds(-1))));
    }

    [Fact]
    public void IsDeletable_AtRefreshExpiry_True()
    {
        Assert.True(Deletable(RefreshExpiry, AbsoluteExpiry, null, ClockAt(RefreshExpiry)));
    }

    [Fact]
    public void IsDeletable_RefreshCappedAtAbsoluteExpiry_FalseOneSecondBeforeAndTrueAt()
    {
        var clock = ClockAt(AbsoluteExpiry.AddSeconds(-1));
        Assert.False(Deletable(AbsoluteExpiry, AbsoluteExpiry, null, clock));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Deletable(AbsoluteExpiry, AbsoluteExpiry, null, clock));
    }

    [Fact]
    public void IsDeletable_AbsoluteExpiryBeforeRefreshExpiryField_UsesTheEarlierOne()
    {
        var clock = ClockAt(RefreshExpiry.AddSeconds(-1));
        Assert.False(Deletable(AbsoluteExpiry, RefreshExpiry, null, clock));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Deletable(AbsoluteExpiry, RefreshExpiry, null, clock));
    }

    [Fact]
    public void IsDeletable_RevokedOneSecondBeforeTheHorizon_False()
    {
        var revokedAt = RefreshExpiry.AddHours(-2);
        Assert.False(Deletable(RefreshExpiry, AbsoluteExpiry, revokedAt, ClockAt(revokedAt + Retention - TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void IsDeletable_RevokedAtTheHorizon_True()
    {
        var revokedAt = RefreshExpiry.AddHours(-2);
        Assert.True(Deletable(RefreshExpiry, AbsoluteExpiry, revokedAt, ClockAt(revokedAt + Retention)));
    }

    [Fact]
    public void IsDeletable_RevokedPastTheHorizonButRefreshNotExpired_False()
    {
        // Only after a shortened Auth__RefreshTokenLifetime; such a row is still judged by its refresh expiry too.
        var revokedAt = Start.AddDays(-3);
        var clock = ClockAt(RefreshExpiry.AddSeconds(-1));
        Assert.False(Deletable(RefreshExpiry, AbsoluteExpiry, revokedAt, clock));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Deletable(RefreshExpiry, AbsoluteExpiry, revokedAt, clock));
    }

    [Fact]
    public void IsDeletable_RevokedWithinTheHorizonLongAfterRefreshExpiry_False()
    {
        var revokedAt = RefreshExpiry.AddDays(2);
        Assert.False(Deletable(RefreshExpiry, AbsoluteExpiry, revokedAt, ClockAt(revokedAt.AddHours(23))));
    }
}

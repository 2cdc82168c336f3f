using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncAuth.Auth;
using FuncAuth.Sessions;
using FuncAuth.TestSupport.Auth;
using FuncAuth.Users;

namespace FuncAuth.Tests.Properties;

public sealed class LockoutRulesPropertyTests
{
    /// <summary>One step of a client's history: a login attempt (right or wrong password) or time passing.</summary>
    private sealed record Step(bool IsAttempt, bool RightPassword, int Seconds);

    private static readonly Gen<Step> Steps = Gen.Frequency(
        (6, Gen.Constant(new Step(true, false, 0))),
        (1, Gen.Constant(new Step(true, true, 0))),
        (2, Gen.Frequency((3, Gen.Choose(0, 120)), (1, Gen.Choose(0, 3 * 3600))).Select(s => new Step(false, false, s))));

    private static readonly Gen<LockoutOptions> LockoutOptions =
        from max in Gen.Choose(1, 10)
        from minutes in Gen.Choose(1, 60)
        select new LockoutOptions { MaxFailedAttempts = max, Duration = TimeSpan.FromMinutes(minutes) };

    [Property(MaxTest = 300)]
    public Property Count_AnyHistory_AtMostMaxAttemptsCountedBeforeALock() =>
        Prop.ForAll(
            (from options in LockoutOptions from steps in Gen.ListOf(Steps) select (options, steps)).ToArbitrary(),
            c =>
            {
                var now = TestAuth.Start;
                var user = new UserRecord("0123456789abcdef0123456789abcdef", "a@example.test", "a@example.test", "A", "hash", 0, null, now, "r");
                var countedWhileUnlocked = 0;
                foreach (var step in c.steps)
                {
                    if (!step.IsAttempt)
                    {
                        now = now.AddSeconds(step.Seconds);
                        continue;
                    }

                    var lockedFor = LockoutRules.LockedFor(user, now);
                    var counted = LockoutRules.Count(user, now, c.options);
                    if (lockedFor is not null)
                    {
                        // Refused unchecked while locked, for no longer than the lock lasts.
                        Assert.Null(counted);
                        Assert.InRange(lockedFor.Value, TimeSpan.FromSeconds(1), c.options.Duration);
                        continue;
                    }

                    // A lock that ran out starts a fresh count.
                    if (user.LockedUntil is not null)
                    {
                        countedWhileUnlocked = 0;
                    }

                    user = Assert.IsType<UserRecord>(counted);
                    countedWhileUnlocked++;
                    Assert.True(countedWhileUnlocked <= c.options.MaxFailedAttempts, $"{countedWhileUnlocked} attempts counted before a lock");
                    Assert.Equal(countedWhileUnlocked == c.options.MaxFailedAttempts, user.LockedUntil == now + c.options.Duration);
                    if (step.RightPassword)
                    {
                        user = LockoutRules.Reset(user, null);
                        countedWhileUnlocked = 0;
                    }
                }
            });
}

using System.Buffers.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncAuth.Auth;
using FuncAuth.Sessions;
using FuncAuth.Tests.Fakes;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Metrics;
using FuncAuth.Tokens;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Tests.Properties;

public sealed class SessionRotationPropertyTests
{
    private const string UserId = "0123456789abcdef0123456789abcdef";
    private const string SessionId = "fedcba9876543210fedcba9876543210";

    private static readonly AuthOptions Options = TestAuth.Options();
    private static readonly DateTimeOffset Start = TestAuth.Start;

    /// <summary>A session as storage may hold it: any generation, rotated at some time or never, revoked or not.</summary>
    private static readonly Gen<SessionRecord> Session =
        from generation in Gen.Frequency((8, Gen.Choose(0, 500)), (1, Gen.Elements(1, int.MaxValue - 1, int.MaxValue)))
        from rotatedAfter in Gen.Choose(0, 40 * 86_400)
        from refreshLifetime in Gen.Frequency((3, Gen.Constant(86_400)), (1, Gen.Choose(0, 2 * 86_400)))
        from revokedAfter in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 40 * 86_400).Select(s => (int?)s)))
        let absolute = Start + Options.SessionLifetime
        let rotatedAt = generation == 0 ? (DateTimeOffset?)null : Start.AddSeconds(rotatedAfter)
        let refreshExpires = (rotatedAt ?? Start).AddSeconds(refreshLifetime)
        select new SessionRecord(
            UserId, SessionId, "a@example.test", "A", generation, rotatedAt, Start,
            refreshExpires < absolute ? refreshExpires : absolute, absolute,
            revokedAfter is { } r ? Start.AddSeconds(r) : null, "W/\"1\"");

    /// <summary>A presented generation near the session's, and a time near one of its boundaries (or anywhere).</summary>
    private static Gen<(int Presented, DateTimeOffset Now)> Presentation(SessionRecord s) =>
        from presented in Gen.Frequency(
            (6, Gen.Choose(-2, 3).Select(d => (int)Math.Clamp((long)s.Generation + d, 0, int.MaxValue))),
            (1, Gen.Choose(0, int.MaxValue)))
        from anchor in Gen.Elements(
            Start, s.RotatedAt ?? Start, (s.RotatedAt ?? Start) + Options.RefreshReuseGrace, s.RefreshExpiresAt, s.AbsoluteExpiresAt)
        from offset in Gen.Frequency((3, Gen.Choose(-2, 2)), (1, Gen.Choose(-86_400, 86_400)))
        select (presented, anchor.AddSeconds(offset));

    private static readonly Arbitrary<(SessionRecord Session, int Presented, DateTimeOffset Now)> Cases =
        Session.SelectMany(s => Presentation(s).Select(p => (s, p.Presented, p.Now))).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Decide_AnySessionAndPresentation_TotalAndRotatesOnlyTheLiveCurrentGeneration() =>
        Prop.ForAll(Cases, c =>
        {
            var (session, presented, now) = c;
            var decision = SessionRotation.Decide(session, presented, now, Options);

            Assert.True(Enum.IsDefined(decision));
            var live = session.RevokedAt is null && now < session.RefreshExpiresAt && now < session.AbsoluteExpiresAt;
            Assert.Equal(presented == session.Generation && live && session.Generation < int.MaxValue, decision == RotationDecision.Rotate);
        });

    [Property(MaxTest = 500)]
    public Property Decide_AnySessionAndPresentation_ReissuesOnlyThePredecessorInsideTheGraceWindow() =>
        Prop.ForAll(Cases, c =>
        {
            var (session, presented, now) = c;
            if (SessionRotation.Decide(session, presented, now, Options) != RotationDecision.ReissueSuccessor)
            {
                return;
            }

            Assert.Equal(session.Generation - 1, presented);
            Assert.NotNull(session.RotatedAt);
            Assert.True(now < session.RotatedAt + Options.RefreshReuseGrace);
            Assert.True(now < session.RefreshExpiresAt && now < session.AbsoluteExpiresAt);
            Assert.Null(session.RevokedAt);
        });

    [Property(MaxTest = 500)]
    public Property Decide_RevokedSessionOrLaterGeneration_NeverRotatesNorReissues() =>
        Prop.ForAll(Cases, c =>
        {
            var (session, presented, now) = c;
            var decision = SessionRotation.Decide(session, presented, now, Options);

            if (session.RevokedAt is not null)
            {
                Assert.Equal(RotationDecision.Revoked, decision);
            }

            if (presented > session.Generation)
            {
                Assert.DoesNotContain(decision, new[] { RotationDecision.Rotate, RotationDecision.ReissueSuccessor, RotationDecision.ReplayDetected });
            }
        });

    [Property(MaxTest = 200)]
    public Property RefreshAsync_RealIdsWithRandomMac_ForgedWithNoStorageCallAndSessionUntouched() =>
        Prop.ForAll(
            Session.SelectMany(s =>
                from presented in Gen.Choose(0, s.Generation == int.MaxValue ? s.Generation : s.Generation + 1)
                from mac in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 32)
                from now in Presentation(s).Select(p => p.Now)
                select (s, presented, mac, now)).ToArbitrary(),
            async c =>
            {
                var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(c.now);
                var store = new FakeSessionStore();
                var stored = store.Put(c.s);
                var codec = TestAuth.RefreshTokens(Options);
                var service = new SessionService(store, codec, TestAuth.AccessTokens(Options, clock), MsOptions.Create(Options), clock, NullLogger<SessionService>.Instance, TestMetrics.Create());
                var bytes = Base64Url.DecodeFromChars(codec.Issue(UserId, SessionId, c.presented));
                c.mac.CopyTo(bytes, RefreshTokenCodec.TokenByteLength - 32);
                var forged = Base64Url.EncodeToString(bytes);

                var result = await service.RefreshAsync(forged, CancellationToken.None);
                await service.LogoutAsync(forged, null, CancellationToken.None);

                Assert.Equal(RefreshFailureReason.Forged, Assert.IsType<RefreshResult.Failure>(result).Reason);
                Assert.Equal(0, store.RoundTrips);
                Assert.Equal(stored, store.Find(UserId, SessionId));
            });
}

using System.Buffers.Binary;
using FuncAuth.Passwords;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Logging;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Tests.Passwords;

/// <summary>What is already in storage: legacy Identity V3 hashes, and values that are corrupt or hostile.</summary>
public sealed class PasswordServiceStoredHashTests
{
    private const string Password = "correct horse battery staple";

    private readonly RecordingLogger<PasswordService> _log = new();
    private readonly PasswordService _service;

    public PasswordServiceStoredHashTests() => _service = TestPasswords.Service(logger: _log);

    [Fact]
    public async Task VerifyAsync_LegacyIdentityV3Hash_ReturnsSuccessRehashNeeded()
    {
        var legacy = LegacyHash(Password, iterations: 1_000);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, await _service.VerifyAsync(legacy, Password));
        Assert.Equal(PasswordVerification.Failed, await _service.VerifyAsync(legacy, "correct horse battery stapler"));
        Assert.Contains(1404, _log.EventIds);
    }

    [Fact]
    public async Task VerifyAsync_LegacyHashOfDecomposedText_ChecksTheRawPassword()
    {
        // Legacy hashes were made without normalization: only the exact raw text matches them.
        const string decomposed = "cafe\u0301 au lait forever";
        var legacy = LegacyHash(decomposed, iterations: 1_000);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, await _service.VerifyAsync(legacy, decomposed));
        Assert.Equal(PasswordVerification.Failed, await _service.VerifyAsync(legacy, "caf\u00e9 au lait forever"));
    }

    [Fact]
    public async Task VerifyAsync_LegacyProductionHash_StillVerifies()
    {
        var legacy = LegacyHash(Password, iterations: 220_000);
        Assert.Equal(PasswordVerification.SuccessRehashNeeded, await _service.VerifyAsync(legacy, Password));
    }

    [Fact]
    public async Task VerifyAsync_LegacyHashAndLoneSurrogatePassword_FailedWithoutThrowing()
    {
        var legacy = LegacyHash(Password, iterations: 1_000);
        Assert.Equal(PasswordVerification.Failed, await _service.VerifyAsync(legacy, Password[..10] + HostilePasswords.HighSurrogate));
    }

    public static TheoryData<string> UnusableStoredValues => new()
    {
        "",
        "not base64 at all!",
        "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA",
        "$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$lMPgVYwd4ZAQkOipZGNRk1H0ZPrbAaRuGKXEIUYK9t8",
        "$argon2id$v=19$m=8,t=4294967295,p=1$c2FsdHNhbHRzYWx0c2FsdA$lMPgVYwd4ZAQkOipZGNRk1H0ZPrbAaRuGKXEIUYK9t8",
        "$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$lMPgVYwd4ZAQkOipZGNRk1H0ZPrbAaRuGKXEIUYK9t8",
        LegacyHeader(prf: 2, iterations: int.MaxValue, saltLength: 16, totalLength: 61),
        LegacyHeader(prf: 2, iterations: 10_000, saltLength: int.MaxValue, totalLength: 61),
        LegacyHeader(prf: 7, iterations: 10_000, saltLength: 16, totalLength: 61),
        Convert.ToBase64String([0x00, .. new byte[48]]),
        Convert.ToBase64String(new byte[400]),
    };

    [Theory]
    [MemberData(nameof(UnusableStoredValues))]
    public async Task VerifyAsync_UnusableStoredValue_FailsAtOnceWithoutHashingAndLogs(string stored)
    {
        // The only slot is taken: anything that tried to hash would wait; an unusable value must answer at once.
        var options = TestPasswords.Options(o => (o.MaxConcurrentHashes, o.HashQueueLength) = (1, 4));
        var service = TestPasswords.Service(options, logger: _log);
        using var holder = new SlotHolder(service);

        using var ticket = service.Admit();
        var verification = service.VerifyAsync(ticket, stored, Password, CancellationToken.None);

        Assert.True(verification.IsCompletedSuccessfully);
        Assert.Equal(PasswordVerification.Failed, await verification);
        Assert.Equal([1403], _log.EventIds.Where(id => id == 1403));
        Assert.DoesNotContain(_log.Entries, e => stored.Length > 0 && e.Message.Contains(stored, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("$argon2id$v=19$m=8,t=99,p=1$c2FsdHNhbHRzYWx0c2FsdA$lMPgVYwd4ZAQkOipZGNRk1H0ZPrbAaRuGKXEIUYK9t8", "argon2id")]
    [InlineData("$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$lMPgVYwd4ZAQkOipZGNRk1H0ZPrbAaRuGKXEIUYK9t8", "unrecognized")]
    [InlineData("not base64 at all!", "unrecognized")]
    public async Task VerifyAsync_UnusableStoredValue_LogNamesOnlyItsKind(string stored, string kind)
    {
        Assert.Equal(PasswordVerification.Failed, await _service.VerifyAsync(stored, Password));

        var entry = Assert.Single(_log.Entries, e => e.EventId == 1403);
        Assert.Contains($"({kind})", entry.Message, StringComparison.Ordinal);
    }

    internal static string LegacyHash(string password, int iterations) =>
        new Microsoft.AspNetCore.Identity.PasswordHasher<object>(
                MsOptions.Create(new Microsoft.AspNetCore.Identity.PasswordHasherOptions { IterationCount = iterations }))
            .HashPassword(new object(), password);

    private static string LegacyHeader(int prf, int iterations, int saltLength, int totalLength)
    {
        var bytes = new byte[totalLength];
        bytes[0] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), (uint)prf);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), (uint)iterations);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(9), (uint)saltLength);
        return Convert.ToBase64String(bytes);
    }
}

using FuncAuth.Passwords;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Logging;

namespace FuncAuth.Tests.Passwords;

public sealed class PasswordServiceTests
{
    private const string Password = "correct horse battery staple";

    // Made by the reference implementation (Debian's argon2 CLI, e.g. `echo -n password | argon2 saltsaltsaltsalt
    // -id -t 1 -k 8 -p 1 -l 32 -e`): NSec must agree with it byte for byte.
    private const string ReferencePassword = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$lMPgVYwd4ZAQkOipZGNRk1H0ZPrbAaRuGKXEIUYK9t8";
    private const string ReferenceUnicode = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$2vRDJ6su/OTnJiv5ZsOGFd/O1EhK5dI0mODcgMlrDJ0";
    private const string ReferenceOwasp = "$argon2id$v=19$m=19456,t=2,p=1$RnVuY0F1dGhTYWx0MDAwMQ$5WRRWt2FgHBDKlripr21aoMh5OeNNpFQgClcNPGmvHk";

    private readonly RecordingLogger<PasswordService> _log = new();
    private readonly PasswordService _service;

    public PasswordServiceTests() => _service = TestPasswords.Service(logger: _log);

    [Fact]
    public async Task HashAsync_ProductionDefaults_PhcStringWithOwaspFirstParameters()
    {
        var service = TestPasswords.Service(new PasswordOptions());

        var hash = await service.HashAsync(Password);

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hash, StringComparison.Ordinal);
        Assert.True(Argon2idPhc.TryParse(hash, out var parsed));
        Assert.Equal((16, 32), (parsed.Salt.Length, parsed.Tag.Length));
        Assert.DoesNotContain('=', hash.Split('$')[4] + hash.Split('$')[5]);
        Assert.Equal(PasswordVerification.Success, await service.VerifyAsync(hash, Password));
    }

    [Fact]
    public async Task VerifyAsync_CorrectPassword_ReturnsSuccess()
    {
        var hash = await _service.HashAsync(Password);
        Assert.Equal(PasswordVerification.Success, await _service.VerifyAsync(hash, Password));
    }

    [Fact]
    public async Task VerifyAsync_WrongPassword_ReturnsFailed()
    {
        var hash = await _service.HashAsync(Password);
        Assert.Equal(PasswordVerification.Failed, await _service.VerifyAsync(hash, "correct horse battery stapl"));
        Assert.Equal(PasswordVerification.Failed, await _service.VerifyAsync(hash, "Correct horse battery staple"));
    }

    [Fact]
    public async Task HashAsync_SamePasswordTwice_DiffersBySalt() =>
        Assert.NotEqual(await _service.HashAsync(Password), await _service.HashAsync(Password));

    [Theory]
    [InlineData(ReferencePassword, "password")]
    [InlineData(ReferenceUnicode, "Pa$$w\u00f6rd")]
    [InlineData(ReferenceOwasp, Password)]
    public async Task VerifyAsync_HashFromReferenceImplementation_MatchesOnlyItsPassword(string phc, string password)
    {
        // The OWASP-cost vector is stronger than this service's cost: it verifies with its own parameters, no rehash.
        Assert.Equal(PasswordVerification.Success, await _service.VerifyAsync(phc, password));
        Assert.Equal(PasswordVerification.Failed, await _service.VerifyAsync(phc, password + "!"));
    }

    [Fact]
    public async Task VerifyAsync_ComposedAndDecomposedForms_MatchTheSameHash()
    {
        // NFKC: "e" + COMBINING ACUTE equals "é"; full-width letters and the "ﬃ" ligature fold to ASCII.
        var hash = await _service.HashAsync("cafe\u0301 au lait, s'il vous pla\u00eet");

        Assert.Equal(PasswordVerification.Success, await _service.VerifyAsync(hash, "caf\u00e9 au lait, s'il vous pla\u00eet"));
        var ligature = await _service.HashAsync("o\ufb03ce hours are over");
        Assert.Equal(PasswordVerification.Success, await _service.VerifyAsync(ligature, "\uff4f\uff46\uff46\uff49\uff43\uff45 hours are over"));
    }

    [Theory]
    [InlineData(16, 1)]
    [InlineData(8, 2)]
    public async Task VerifyAsync_StoredWeakerThanCurrentCost_ReturnsSuccessRehashNeeded(int memoryKiB, int iterations)
    {
        var stored = await _service.HashAsync(Password);
        var stronger = TestPasswords.Service(TestPasswords.Options(o => (o.Argon2.MemoryKiB, o.Argon2.Iterations) = (memoryKiB, iterations)));

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, await stronger.VerifyAsync(stored, Password));
        Assert.Equal(PasswordVerification.Failed, await stronger.VerifyAsync(stored, "not the password at all"));
        var rehashed = await stronger.HashAsync(Password);
        Assert.Equal(PasswordVerification.Success, await stronger.VerifyAsync(rehashed, Password));
    }

    [Theory]
    [MemberData(nameof(HostilePasswords.UnpairedSurrogateNames), MemberType = typeof(HostilePasswords))]
    public async Task VerifyAsync_LoneSurrogatePassword_FailedWithoutThrowing(string name)
    {
        var password = HostilePasswords.UnpairedSurrogate(name);
        var hash = await _service.HashAsync(Password);
        Assert.Equal(PasswordVerification.Failed, await _service.VerifyAsync(hash, password));

        using var ticket = _service.Admit();
        await _service.VerifyDummyAsync(ticket, password, CancellationToken.None);
    }

    [Fact]
    public async Task HashAsync_LoneSurrogatePassword_ThrowsArgumentException()
    {
        using var ticket = _service.Admit();
        await Assert.ThrowsAsync<ArgumentException>(() => _service.HashAsync(ticket, Password + HostilePasswords.HighSurrogate, CancellationToken.None));
    }

    [Fact]
    public void DummyHash_Always_CarriesTheCurrentCost()
    {
        var service = TestPasswords.Service(new PasswordOptions());

        Assert.True(Argon2idPhc.TryParse(service.DummyHash, out var dummy));
        Assert.Equal((19456, 2, 16, 32), (dummy.MemoryKiB, dummy.Iterations, dummy.Salt.Length, dummy.Tag.Length));
    }

    [Fact]
    public async Task VerifyDummyAsync_SlotsTaken_WaitsForASlotLikeARealVerification()
    {
        var options = TestPasswords.Options(o => (o.MaxConcurrentHashes, o.HashQueueLength) = (1, 4));
        var service = TestPasswords.Service(options);
        Task dummy;
        using (var holder = new SlotHolder(service))
        {
            using var ticket = service.Admit();
            dummy = service.VerifyDummyAsync(ticket, Password, CancellationToken.None);
            Assert.False(dummy.IsCompleted);
            holder.Release();
            await dummy;
        }

        Assert.True(dummy.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task VerifyAsync_DisposedTicket_ThrowsObjectDisposed()
    {
        var hash = await _service.HashAsync(Password);
        var ticket = _service.Admit();
        ticket.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => _service.VerifyAsync(ticket, hash, Password, CancellationToken.None));
    }

    [Fact]
    public async Task HashAsync_TicketOfAnotherInstance_ThrowsArgumentException()
    {
        using var foreign = TestPasswords.Service().Admit();
        await Assert.ThrowsAsync<ArgumentException>(() => _service.HashAsync(foreign, Password, CancellationToken.None));
    }

    [Fact]
    public async Task Logs_AnyOperation_NeverContainPasswordsOrHashes()
    {
        var hash = await _service.HashAsync(Password);
        await _service.VerifyAsync(hash, Password);
        await _service.VerifyAsync(PasswordServiceStoredHashTests.LegacyHash(Password, 1_000), Password);
        await _service.VerifyAsync("$argon2id$v=19$m=1,t=1,p=1$AAAA$AAAA", Password);

        Assert.NotEmpty(_log.Entries);
        Assert.All(_log.Entries, e =>
        {
            Assert.DoesNotContain(Password, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("$argon2id$", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(hash.Split('$')[^1], e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Constructor_Always_LogsTheHashingCostAndLimits()
    {
        var log = new RecordingLogger<PasswordService>();
        var options = TestPasswords.Options(o => (o.MaxConcurrentHashes, o.HashQueueLength, o.HashQueueTimeout) = (3, 7, TimeSpan.FromMilliseconds(1500)));

        _ = TestPasswords.Service(options, logger: log);

        var entry = Assert.Single(log.Entries);
        Assert.Equal(1405, entry.EventId);
        Assert.Equal("Password hashing: Argon2id m=8 KiB, t=1, p=1; 3 at once, 7 queued, queue timeout 1500 ms", entry.Message);
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncAuth.Passwords;

/// <summary>
/// Password hashing: Argon2id (NSec/libsodium) in PHC strings for new hashes; legacy ASP.NET Core Identity V3
/// (PBKDF2) hashes still verify and ask for a rehash. Every hash runs through the <see cref="HashingGate"/>: admit
/// first (<see cref="TryAdmit"/>, before touching storage), then pass the ticket to each call. Callers pass the raw
/// password: Argon2id hashes use its NFKC form, legacy hashes the raw text they were made from.
/// </summary>
public sealed class PasswordService
{
    private readonly HashingGate _gate;
    private readonly Argon2idHasher _argon2;
    private readonly Argon2idPhc _dummy;
    private readonly ILogger _logger;

    /// <summary>The cost of new hashes comes from <see cref="PasswordOptions.Argon2"/>.</summary>
    public PasswordService(IOptions<PasswordOptions> options, HashingGate gate, ILogger<PasswordService> logger)
    {
        var argon2 = options.Value.Argon2;
        _gate = gate;
        _argon2 = new Argon2idHasher(argon2.MemoryKiB, argon2.Iterations);
        _dummy = _argon2.CreateDummy();
        _logger = logger;
        logger.HashingConfigured(argon2.MemoryKiB, argon2.Iterations, gate.MaxConcurrentHashes, gate.QueueLength, (long)gate.QueueTimeout.TotalMilliseconds);
    }

    /// <summary>The dummy hash (current cost, matching no password), for tests.</summary>
    internal string DummyHash => _dummy.Format();

    /// <summary>The gate every hash of this service goes through, for tests.</summary>
    internal HashingGate Gate => _gate;

    /// <summary>What a 503 for a refused admission or a <see cref="PasswordHashingBusyException"/> puts in <c>Retry-After</c>.</summary>
    public TimeSpan RetryAfter => _gate.RetryAfter;

    /// <summary>Admission, non-blocking: a ticket, or null when the instance is saturated (answer 503 at once).</summary>
    public HashingTicket? TryAdmit() => _gate.TryAdmit();

    /// <summary>
    /// A new Argon2id PHC string for <paramref name="password"/> (normalized here). Throws
    /// <see cref="ArgumentException"/> for invalid UTF-16 (check with <see cref="PasswordPolicy"/> first) and
    /// <see cref="PasswordHashingBusyException"/> when no slot frees up in time.
    /// </summary>
    public Task<string> HashAsync(HashingTicket ticket, string password, CancellationToken cancellationToken)
    {
        EnsureOwn(ticket);
        // Stryker disable once Statement : TryNormalize, called next, throws the same ArgumentNullException
        ArgumentNullException.ThrowIfNull(password);
        if (!PasswordPolicy.TryNormalize(password, out var normalized))
        {
            throw new ArgumentException("The password is not valid UTF-16; PasswordPolicy refuses it.", nameof(password));
        }

        return _gate.RunAsync(ticket, () => WithUtf8(normalized, _argon2.Hash), cancellationToken);
    }

    /// <summary>
    /// Checks <paramref name="password"/> against <paramref name="storedHash"/>. A corrupt, unknown or out-of-bounds
    /// stored value reads as <see cref="PasswordVerification.Failed"/> (and is logged), never as an exception.
    /// Throws <see cref="PasswordHashingBusyException"/> when no slot frees up in time.
    /// </summary>
    public Task<PasswordVerification> VerifyAsync(HashingTicket ticket, string storedHash, string password, CancellationToken cancellationToken)
    {
        EnsureOwn(ticket);
        ArgumentNullException.ThrowIfNull(storedHash);
        ArgumentNullException.ThrowIfNull(password);

        if (Argon2idPhc.TryParse(storedHash, out var phc))
        {
            // Invalid UTF-16 was refused at registration, so it matches no Argon2id hash; answering at once is
            // safe for enumeration because unknown emails (VerifyDummyAsync) answer it at once too.
            if (!PasswordPolicy.TryNormalize(password, out var normalized))
            {
                return Task.FromResult(PasswordVerification.Failed);
            }

            return _gate.RunAsync(ticket, () => VerifyArgon2(phc, normalized), cancellationToken);
        }

        if (!Argon2idPhc.HasPrefix(storedHash) && LegacyIdentityHash.IsWellFormed(storedHash))
        {
            return _gate.RunAsync(ticket, () => VerifyLegacy(storedHash, password), cancellationToken);
        }

        _logger.StoredHashUnusable(Argon2idPhc.HasPrefix(storedHash) ? "argon2id" : "unrecognized");
        return Task.FromResult(PasswordVerification.Failed);
    }

    /// <summary>
    /// For unknown accounts: the same work as <see cref="VerifyAsync"/> against a hash with the current cost that no
    /// password matches, so the response time does not reveal whether the email exists.
    /// </summary>
    public Task VerifyDummyAsync(HashingTicket ticket, string password, CancellationToken cancellationToken)
    {
        EnsureOwn(ticket);
        // Stryker disable once Statement : TryNormalize, called next, throws the same ArgumentNullException
        ArgumentNullException.ThrowIfNull(password);
        if (!PasswordPolicy.TryNormalize(password, out var normalized))
        {
            return Task.CompletedTask;
        }

        return _gate.RunAsync(ticket, () => VerifyArgon2(_dummy, normalized), cancellationToken);
    }

    // Every call needs a live ticket of this instance, also the ones that end without hashing.
    private void EnsureOwn(HashingTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!ReferenceEquals(ticket.Gate, _gate))
        {
            throw new ArgumentException("The ticket was admitted by another PasswordService.", nameof(ticket));
        }
    }

    private PasswordVerification VerifyArgon2(Argon2idPhc stored, string normalized)
    {
        if (!WithUtf8(normalized, bytes => _argon2.Verify(stored, bytes)))
        {
            return PasswordVerification.Failed;
        }

        return _argon2.IsWeakerThanCurrent(stored) ? PasswordVerification.SuccessRehashNeeded : PasswordVerification.Success;
    }

    private PasswordVerification VerifyLegacy(string stored, string rawPassword)
    {
        if (!LegacyIdentityHash.Verify(stored, rawPassword))
        {
            return PasswordVerification.Failed;
        }

        _logger.LegacyHashVerified();

        // Identity's PBKDF2 never matches unpaired surrogates, so the password normalizes; checked anyway because a
        // rehash of one would throw, and keeping a working legacy hash beats failing the login.
        // Stryker disable once Conditional : unreachable difference: Identity's PBKDF2 never matches a password that does not normalize
        return PasswordPolicy.TryNormalize(rawPassword, out _) ? PasswordVerification.SuccessRehashNeeded : PasswordVerification.Success;
    }

    // The UTF-8 copy of the password is wiped as soon as the hash is done (the string itself cannot be).
    private static T WithUtf8<T>(string normalized, Func<ReadOnlySpan<byte>, T> use)
    {
        var bytes = Encoding.UTF8.GetBytes(normalized);
        try
        {
            return use(bytes);
        }
        finally
        {
            // Stryker disable once Statement : wiping the copy limits exposure in memory; no caller can observe it
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}

using FuncAuth.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FuncAuth.Passwords;

/// <summary>
/// Password hashing with <see cref="PasswordHasher{TUser}"/> in Identity V3 format. Since .NET 7 the V3 format uses
/// PBKDF2 with HMAC-SHA512 (128-bit salt, 256-bit subkey; the library's own default is 100,000 iterations); we raise the
/// iteration count to OWASP's 220,000 so hashes stored with fewer iterations, or with the older SHA-256/SHA-1 PRFs,
/// verify as <see cref="PasswordVerificationResult.SuccessRehashNeeded"/> and get upgraded at login.
/// </summary>
public sealed class PasswordService
{
    /// <summary>PBKDF2 iterations for new hashes (OWASP recommendation for PBKDF2-HMAC-SHA512).</summary>
    public const int IterationCount = 220_000;

    private readonly PasswordHasher<UserRecord> _hasher;
    private readonly Lazy<string> _dummyHash;

    /// <summary>Creates the service with the production iteration count.</summary>
    public PasswordService()
        : this(IterationCount)
    {
    }

    /// <summary>Tests use a lower count to stay fast; production code always goes through the public constructor.</summary>
    internal PasswordService(int iterationCount)
    {
        _hasher = new PasswordHasher<UserRecord>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = iterationCount,
        }));

        // A hash of a random password nobody knows: verifying against it costs the same PBKDF2 work as a real
        // verification, so unknown emails cannot be told apart by timing. Computed once, on first use.
        _dummyHash = new Lazy<string>(() => Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));
    }

    /// <summary>Hashes a password for storage (salted, self-describing format).</summary>
    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);

        // PasswordHasher never reads the user argument; the type parameter only exists for DI.
        return _hasher.HashPassword(null!, password);
    }

    /// <summary>Checks a password against a stored hash: Failed, Success or SuccessRehashNeeded.</summary>
    public PasswordVerificationResult Verify(string hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(password);

        // A corrupt stored hash must read as a failed login, never as a 500.
        try
        {
            return _hasher.VerifyHashedPassword(null!, hash, password);
        }
        catch (FormatException)
        {
            return PasswordVerificationResult.Failed;
        }
    }

    /// <summary>Does the work of <see cref="Verify"/> against a hash no password matches; always Failed.</summary>
    public PasswordVerificationResult VerifyDummy(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        _hasher.VerifyHashedPassword(null!, _dummyHash.Value, password);
        return PasswordVerificationResult.Failed;
    }
}

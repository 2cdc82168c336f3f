using System.Security.Cryptography;
using NSec.Cryptography;

namespace FuncAuth.Passwords;

/// <summary>
/// Argon2id through NSec (libsodium), synchronous and CPU-bound: callers run it inside a <see cref="HashingGate"/>
/// slot. Passwords arrive as UTF-8 bytes of the NFKC-normalized text (<see cref="PasswordPolicy.TryNormalize"/>).
/// </summary>
internal sealed class Argon2idHasher
{
    private readonly PasswordBasedKeyDerivationAlgorithm _current;

    /// <summary>Cost of new hashes; out-of-cap values throw (the options validator refuses them first).</summary>
    public Argon2idHasher(int memoryKiB, int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryKiB, Argon2idPhc.MinMemoryKiB);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(memoryKiB, Argon2idPhc.MaxMemoryKiB);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, Argon2idPhc.MaxIterations);
        MemoryKiB = memoryKiB;
        Iterations = iterations;
        _current = Create(memoryKiB, iterations);
    }

    public int MemoryKiB { get; }

    public int Iterations { get; }

    /// <summary>A new PHC string: 16 random salt bytes, 32-byte tag, the current cost.</summary>
    public string Hash(ReadOnlySpan<byte> password)
    {
        var salt = RandomNumberGenerator.GetBytes(Argon2idPhc.SaltBytes);
        var tag = new byte[Argon2idPhc.TagBytes];
        _current.DeriveBytes(password, salt, tag);
        return new Argon2idPhc(MemoryKiB, Iterations, salt, tag).Format();
    }

    /// <summary>Re-derives with the stored parameters and compares in constant time.</summary>
    public bool Verify(Argon2idPhc stored, ReadOnlySpan<byte> password)
    {
        // Stryker disable once Conditional : with equal parameters Create builds the same algorithm as _current; reusing it only saves the allocation
        var algorithm = stored.MemoryKiB == MemoryKiB && stored.Iterations == Iterations
            ? _current
            : Create(stored.MemoryKiB, stored.Iterations);
        Span<byte> actual = stackalloc byte[stored.Tag.Length];
        algorithm.DeriveBytes(password, stored.Salt, actual);
        return CryptographicOperations.FixedTimeEquals(actual, stored.Tag);
    }

    /// <summary>Weaker than new hashes in memory, passes or tag length: worth replacing after a successful login.</summary>
    public bool IsWeakerThanCurrent(Argon2idPhc stored) =>
        stored.MemoryKiB < MemoryKiB || stored.Iterations < Iterations || stored.Tag.Length < Argon2idPhc.TagBytes;

    /// <summary>
    /// A hash with the current cost that no password matches (random salt and tag): verifying against it is the same
    /// work as verifying a real hash, since Argon2's cost depends only on its parameters, not on the stored tag.
    /// </summary>
    public Argon2idPhc CreateDummy() => new(
        MemoryKiB, Iterations, RandomNumberGenerator.GetBytes(Argon2idPhc.SaltBytes), RandomNumberGenerator.GetBytes(Argon2idPhc.TagBytes));

    private static Argon2id Create(int memoryKiB, int iterations) =>
        PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = memoryKiB,
            NumberOfPasses = iterations,
        });
}

using System.ComponentModel.DataAnnotations;
using FuncAuth.Settings;

namespace FuncAuth.Passwords;

/// <summary>
/// Argon2id cost for new hashes (<c>Auth__Passwords__Argon2__*</c>). Defaults are OWASP's first recommended
/// configuration (m = 19 MiB, t = 2, p = 1); startup refuses a cost that reaches none of the configurations on
/// OWASP's list in both memory and passes (<see cref="OwaspArgon2Floor"/>), and anything above the caps that stored
/// hashes are held to (<see cref="Argon2idPhc"/>), so every hash made can also be verified.
/// </summary>
public sealed class Argon2Options : IValidatableObject
{
    private const string Prefix = PasswordOptions.Prefix + nameof(PasswordOptions.Argon2) + Setting.Separator;

    /// <summary><c>Auth__Passwords__Argon2__MemoryKiB</c>: memory per hash in KiB. Default 19456 (19 MiB).</summary>
    [SettingRange(OwaspArgon2Floor.SmallestMemoryKiB, Argon2idPhc.MaxMemoryKiB,
        ErrorMessage = Prefix + nameof(MemoryKiB) + Setting.Between + " (KiB)")]
    public int MemoryKiB { get; set; } = 19456;

    /// <summary><c>Auth__Passwords__Argon2__Iterations</c>: passes over the memory (t). Default 2.</summary>
    [SettingRange(1, Argon2idPhc.MaxIterations, ErrorMessage = Prefix + nameof(Iterations) + Setting.Between)]
    public int Iterations { get; set; } = 2;

    /// <summary><c>Auth__Passwords__Argon2__Parallelism</c>: lanes (p). Must be 1: libsodium computes one lane.</summary>
    [SettingRange(1, 1, ErrorMessage = Prefix + nameof(Parallelism) + " must be 1 (libsodium's Argon2id computes a single lane)")]
    public int Parallelism { get; set; } = 1;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!OwaspArgon2Floor.IsMet(MemoryKiB, Iterations))
        {
            yield return new ValidationResult(
                $"{Prefix}{nameof(MemoryKiB)}={MemoryKiB} with {Prefix}{nameof(Iterations)}={Iterations} is weaker than " +
                $"OWASP's floor: reach one of {OwaspArgon2Floor.Describe()} (p=1) in both memory and iterations",
                [nameof(MemoryKiB), nameof(Iterations)]);
        }
    }
}

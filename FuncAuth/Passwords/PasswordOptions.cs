using System.ComponentModel.DataAnnotations;
using FuncAuth.Settings;
using Microsoft.Extensions.Options;

namespace FuncAuth.Passwords;

/// <summary>
/// Settings under <c>Auth:Passwords</c> (environment <c>Auth__Passwords__*</c>): the NIST SP 800-63B-4 length
/// rules, the hashing gate and the Argon2id cost. Validated at startup by <see cref="PasswordOptionsValidator"/>.
/// </summary>
public sealed class PasswordOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Auth:Passwords";

    /// <summary>The environment-variable prefix of these settings, for messages.</summary>
    internal const string Prefix = "Auth" + Setting.Separator + "Passwords" + Setting.Separator;

    /// <summary>Largest <see cref="MaxLength"/> accepted: bounds what registration can be asked to normalize and hash.</summary>
    public const int LargestMaxLength = 1024;

    /// <summary><c>Auth__Passwords__MinLength</c>: shortest password, in code points after NFKC. Default 15 (NIST, single-factor).</summary>
    [SettingRange(8, LargestMaxLength, ErrorMessage = Prefix + nameof(MinLength) + " must be at least {1} (NIST SP 800-63B-4) and at most {2}")]
    public int MinLength { get; set; } = 15;

    /// <summary><c>Auth__Passwords__MaxLength</c>: longest password, in code points after NFKC. Default 128; NIST asks for at least 64.</summary>
    [SettingRange(64, LargestMaxLength, ErrorMessage = Prefix + nameof(MaxLength) + " must be at least {1} (NIST SP 800-63B-4) and at most {2}")]
    public int MaxLength { get; set; } = 128;

    /// <summary><c>Auth__Passwords__MaxConcurrentHashes</c> (K): hashes computed at once per instance. Default: the processor count.</summary>
    [SettingRange(1, 1024, ErrorMessage = Prefix + nameof(MaxConcurrentHashes) + Setting.Between)]
    public int MaxConcurrentHashes { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// <c>Auth__Passwords__HashQueueLength</c>: admitted requests allowed beyond the K hashing ones. Default (unset)
    /// 4 × K: at ~20 ms per hash the last in line waits about 100 ms, well inside the queue timeout, yet a flood is
    /// refused before it reaches storage.
    /// </summary>
    [SettingRange(0, 100_000, ErrorMessage = Prefix + nameof(HashQueueLength) + Setting.Between)]
    public int? HashQueueLength { get; set; }

    /// <summary><c>Auth__Passwords__HashQueueTimeout</c>: longest wait for a hashing slot before answering busy. Default 1 s.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.001", "00:00:30",
        ErrorMessage = Prefix + nameof(HashQueueTimeout) + Setting.Between)]
    public TimeSpan HashQueueTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>Auth__Passwords__Argon2__*</c>: the cost of new hashes.</summary>
    [Required(ErrorMessage = Prefix + nameof(Argon2) + " is required")]
    [ValidateObjectMembers]
    public Argon2Options Argon2 { get; set; } = new();

    /// <summary><see cref="HashQueueLength"/>, or its default of 4 × <see cref="MaxConcurrentHashes"/>.</summary>
    public int EffectiveHashQueueLength => HashQueueLength ?? 4 * MaxConcurrentHashes;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxLength < MinLength)
        {
            yield return new ValidationResult(
                $"{Prefix}{nameof(MaxLength)} ({MaxLength}) must be at least {Prefix}{nameof(MinLength)} ({MinLength})",
                [nameof(MaxLength), nameof(MinLength)]);
        }
    }
}

using System.Reflection;
using FuncAuth.Passwords;

namespace FuncAuth.Fuzz.Targets;

/// <summary>
/// <c>phc</c>: the input is a stored password hash (a value someone with write access to the users table may have
/// planted). The Argon2id PHC parser and the legacy-hash check must not throw; a parsed hash is within the caps and
/// formats back to the same parameters; and <see cref="PasswordService.VerifyAsync"/> turns anything unusable into
/// Failed without throwing (it is only run where it costs nothing or little: unusable values, and cheap Argon2id ones).
/// </summary>
public static class StoredHashTarget
{
    private const string Password = "correct horse battery staple";

    // Both parsers are internal to FuncAuth; reflection keeps the fuzz project from needing InternalsVisibleTo.
    private static readonly Type PhcType = typeof(PasswordService).Assembly.GetType("FuncAuth.Passwords.Argon2idPhc", throwOnError: true)!;
    private static readonly MethodInfo TryParsePhc = PhcType.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static)!;
    private static readonly MethodInfo FormatPhc = PhcType.GetMethod("Format", BindingFlags.Public | BindingFlags.Instance)!;
    private static readonly Func<string, bool> IsWellFormedLegacy = typeof(PasswordService).Assembly
        .GetType("FuncAuth.Passwords.LegacyIdentityHash", throwOnError: true)!
        .GetMethod("IsWellFormed", BindingFlags.Public | BindingFlags.Static)!
        .CreateDelegate<Func<string, bool>>();

    /// <summary>Runs one input.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        var stored = FuzzText.Decode(input);
        var phc = Parse(stored);
        var cheap = true;
        if (phc is not null)
        {
            FuzzInvariantException.Holds(
                phc.Value.MemoryKiB is >= 8 and <= 262_144 && phc.Value.Iterations is >= 1 and <= 10
                && phc.Value.Salt.Length == 16 && phc.Value.Tag.Length is >= 16 and <= 64,
                "a parsed hash is within the caps");
            var formatted = (string)FormatPhc.Invoke(phc.Value.Hash, BindingFlags.DoNotWrapExceptions, null, null, null)!;
            var reparsed = Parse(formatted);
            FuzzInvariantException.Holds(
                reparsed is { } again && again.MemoryKiB == phc.Value.MemoryKiB && again.Iterations == phc.Value.Iterations
                && again.Salt.SequenceEqual(phc.Value.Salt) && again.Tag.SequenceEqual(phc.Value.Tag),
                "a parsed hash formats back to the same parameters");
            cheap = phc.Value.MemoryKiB <= 64 && phc.Value.Iterations <= 2;
        }
        else if (!stored.StartsWith("$argon2id$", StringComparison.Ordinal) && IsWellFormedLegacy(stored))
        {
            cheap = false;
        }

        if (!cheap)
        {
            return;
        }

        using var ticket = FuzzAuth.Passwords.TryAdmit() ?? throw new FuzzInvariantException("one hash at a time is always admitted");
        var verification = FuzzAuth.Passwords.VerifyAsync(ticket, stored, Password, CancellationToken.None).GetAwaiter().GetResult();
        FuzzInvariantException.Holds(phc is not null || verification == PasswordVerification.Failed, "an unusable stored value never verifies");
    }

    private static (object Hash, int MemoryKiB, int Iterations, byte[] Salt, byte[] Tag)? Parse(string stored)
    {
        var arguments = new object?[] { stored, null };
        if (!(bool)TryParsePhc.Invoke(null, BindingFlags.DoNotWrapExceptions, null, arguments, null)!)
        {
            FuzzInvariantException.Holds(arguments[1] is null, "no hash comes out of a failed parse");
            return null;
        }

        var hash = arguments[1]!;
        return (hash, Read<int>(hash, "MemoryKiB"), Read<int>(hash, "Iterations"), Read<byte[]>(hash, "Salt"), Read<byte[]>(hash, "Tag"));
    }

    private static T Read<T>(object hash, string property) => (T)PhcType.GetProperty(property)!.GetValue(hash)!;
}

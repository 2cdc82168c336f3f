using FuncAuth.Passwords;

namespace FuncAuth.Fuzz.Targets;

/// <summary>
/// <c>password</c>: the input is a password offered at registration. <see cref="PasswordPolicy.Check"/> and
/// <see cref="PasswordPolicy.TryNormalize"/> must not throw; normalization is idempotent; the verdict agrees with the
/// code point count of the NFKC form; text that cannot be normalized is refused as invalid; an acceptable password
/// with a character appended is never too short.
/// </summary>
public static class PasswordTarget
{
    /// <summary>Runs one input.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        var password = FuzzText.Decode(input);
        var policy = FuzzAuth.PasswordPolicy;
        var check = policy.Check(password);
        FuzzInvariantException.Holds(Enum.IsDefined(check.Problem), "Check returns a defined problem");
        FuzzInvariantException.Holds(check.IsAcceptable == (check.Message is null), "a refusal says why, an acceptance says nothing");

        if (password.Length > PasswordPolicy.MaxInputLength)
        {
            FuzzInvariantException.Holds(check.Problem == PasswordProblem.TooLong, "over-long input is refused before normalizing");
            return;
        }

        if (!PasswordPolicy.TryNormalize(password, out var normalized))
        {
            FuzzInvariantException.Holds(check.Problem == PasswordProblem.InvalidCharacters, "text that cannot be normalized is invalid");
            return;
        }

        FuzzInvariantException.Holds(PasswordPolicy.TryNormalize(normalized, out var again) && again == normalized, "NFKC is idempotent");
        var length = normalized.EnumerateRunes().Count();
        var expected = check.Problem switch
        {
            PasswordProblem.TooShort => length < policy.MinLength,
            PasswordProblem.TooLong => length > policy.MaxLength,
            PasswordProblem.None or PasswordProblem.Common => length >= policy.MinLength && length <= policy.MaxLength,
            _ => true,
        };
        FuzzInvariantException.Holds(expected, "the verdict agrees with the code points after NFKC");

        if (check.IsAcceptable)
        {
            FuzzInvariantException.Holds(policy.Check(password + "x").Problem != PasswordProblem.TooShort, "appending never makes a password too short");
        }
    }
}

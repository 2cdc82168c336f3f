using FuncAuth.Passwords;

namespace FuncAuth.Users;

/// <summary>Field rules for registration; returns problem <c>errors</c> keyed by JSON property name.</summary>
public static class RegisterRequestValidator
{
    /// <summary>Empty when the request is acceptable; the password error says why (too short, too long, common, invalid).</summary>
    public static Dictionary<string, string[]> Validate(RegisterRequest request, PasswordPolicy passwords)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors["email"] = ["The email is required."];
        }
        else if (!EmailAddress.IsValid(email))
        {
            errors["email"] = ["The email is not a valid address (one '@', a domain with a dot, no spaces, control, format (zero-width, bidi) or invalid characters)."];
        }

        if (request.Password is null)
        {
            errors["password"] = ["The password is required."];
        }
        else if (passwords.Check(request.Password) is { IsAcceptable: false } check)
        {
            errors["password"] = [check.Message!];
        }

        if (request.DisplayName is { } name
            && (name.Trim().Length > CredentialRules.MaxDisplayNameLength
                || !TextRules.IsWellFormed(name)
                || TextRules.HasInvisibleCharacters(name)))
        {
            errors["displayName"] = [$"The display name must be at most {CredentialRules.MaxDisplayNameLength} characters, without control, format (zero-width, bidi) or invalid characters."];
        }

        return errors;
    }
}

using FuncAuth.Auth;
using FuncAuth.Passwords;
using Microsoft.Extensions.Logging;

namespace FuncAuth.Users;

/// <summary>Creates accounts: one storage round trip (a conditional insert that reports a taken email).</summary>
public sealed class RegistrationService(
    IUserStore users,
    PasswordService passwords,
    TimeProvider time,
    ILogger<RegistrationService> logger)
{
    /// <summary>
    /// Registers <paramref name="email"/>. The HTTP layer has already checked the email and the lengths against
    /// <see cref="CredentialRules"/>; violating them here is a programming error.
    /// </summary>
    public async Task<RegisterResult> RegisterAsync(string email, string password, string? displayName, CancellationToken cancellationToken)
    {
        if (!EmailAddress.IsValid(email))
        {
            throw new ArgumentException("Not a valid email address.", nameof(email));
        }

        if (password is null || password.Length is < CredentialRules.MinPasswordLength or > CredentialRules.MaxPasswordLength)
        {
            throw new ArgumentException("Password length is outside CredentialRules.", nameof(password));
        }

        var canonical = EmailAddress.Canonical(email);
        var name = TextRules.ToNfc(string.IsNullOrWhiteSpace(displayName) ? EmailAddress.LocalPart(canonical) : displayName.Trim());
        if (name.Length > CredentialRules.MaxDisplayNameLength)
        {
            throw new ArgumentException("Display name is longer than CredentialRules allows.", nameof(displayName));
        }

        var user = new UserRecord(
            UserId: RandomIds.NewId(),
            Email: canonical,
            NormalizedEmail: EmailAddress.Normalize(canonical),
            DisplayName: name,
            PasswordHash: passwords.Hash(password),
            FailedLoginCount: 0,
            LockedUntil: null,
            CreatedAt: time.GetUtcNow(),
            RegistrationId: RandomIds.NewId());

        if (!await users.TryCreateAsync(user, cancellationToken))
        {
            return new RegisterResult.EmailTaken();
        }

        logger.UserRegistered(user.UserId);
        return new RegisterResult.Created(user.UserId, user.Email, user.DisplayName);
    }
}

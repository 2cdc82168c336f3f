using FuncAuth.Auth;
using FuncAuth.Passwords;
using FuncAuth.Telemetry;
using Microsoft.Extensions.Logging;

namespace FuncAuth.Users;

/// <summary>Creates accounts: one storage round trip (a conditional insert that reports a taken email).</summary>
public sealed class RegistrationService(
    IUserStore users,
    PasswordService passwords,
    PasswordPolicy policy,
    TimeProvider time,
    ILogger<RegistrationService> logger,
    FuncAuthMetrics metrics)
{
    /// <summary>
    /// Registers <paramref name="email"/>. The HTTP layer has already checked the email, the display name
    /// (<see cref="CredentialRules"/>) and the password (<see cref="PasswordPolicy"/>); violating them here is a
    /// programming error. Throws <see cref="PasswordHashingBusyException"/> when the instance cannot hash now.
    /// </summary>
    public async Task<RegisterResult> RegisterAsync(string email, string password, string? displayName, CancellationToken cancellationToken)
    {
        if (!EmailAddress.IsValid(email))
        {
            throw new ArgumentException("Not a valid email address.", nameof(email));
        }

        if (password is null || !policy.Check(password).IsAcceptable)
        {
            throw new ArgumentException("The password breaks PasswordPolicy.", nameof(password));
        }

        var canonical = EmailAddress.Canonical(email);
        var name = TextRules.ToNfc(string.IsNullOrWhiteSpace(displayName) ? EmailAddress.LocalPart(canonical) : displayName.Trim());
        if (name.Length > CredentialRules.MaxDisplayNameLength)
        {
            throw new ArgumentException("Display name is longer than CredentialRules allows.", nameof(displayName));
        }

        // Admission before storage: a saturated instance sheds the request at once (PasswordHashingBusyException → 503).
        using var ticket = passwords.TryAdmit() ?? throw new PasswordHashingBusyException(passwords.RetryAfter);
        var passwordHash = await passwords.HashAsync(ticket, password, cancellationToken);

        var user = new UserRecord(
            UserId: RandomIds.NewId(),
            Email: canonical,
            NormalizedEmail: EmailAddress.Normalize(canonical),
            DisplayName: name,
            PasswordHash: passwordHash,
            FailedLoginCount: 0,
            LockedUntil: null,
            CreatedAt: time.GetUtcNow(),
            RegistrationId: RandomIds.NewId());

        if (!await users.TryCreateAsync(user, cancellationToken))
        {
            metrics.RecordRegistration(created: false);
            return new RegisterResult.EmailTaken();
        }

        logger.UserRegistered(user.UserId);
        metrics.RecordRegistration(created: true);
        return new RegisterResult.Created(user.UserId, user.Email, user.DisplayName);
    }
}

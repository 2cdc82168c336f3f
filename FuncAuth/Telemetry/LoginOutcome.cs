namespace FuncAuth.Telemetry;

/// <summary>How a login attempt ended, as <see cref="FuncAuthMetrics"/> counts it.</summary>
public enum LoginOutcome
{
    /// <summary>The password matched; a session started.</summary>
    Succeeded,

    /// <summary>A real account, a wrong password (<c>outcome=failed, reason=wrong_password</c>).</summary>
    WrongPassword,

    /// <summary>No account has that email (<c>outcome=failed, reason=unknown_account</c>).</summary>
    UnknownAccount,

    /// <summary>Refused unchecked: the account is locked.</summary>
    Locked,

    /// <summary>Refused unchecked: the attempt could not be counted (concurrent writers on the account).</summary>
    Contended,

    /// <summary>Refused: the instance was hashing at capacity (503).</summary>
    Busy,
}

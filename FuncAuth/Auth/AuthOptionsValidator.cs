using Microsoft.Extensions.Options;

namespace FuncAuth.Auth;

/// <summary>
/// Startup validation of <see cref="AuthOptions"/>, generated from its data annotations (nested
/// <see cref="LockoutOptions"/> and <see cref="AuthCookieOptions"/> included); the rules across settings are in
/// <see cref="AuthOptionsRules"/> and <see cref="AuthCookieOptions.Validate"/>. Messages name each setting in its
/// environment-variable form and never echo a key.
/// </summary>
[OptionsValidator]
public sealed partial class AuthOptionsValidator : IValidateOptions<AuthOptions>;

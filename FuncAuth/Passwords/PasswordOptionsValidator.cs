using Microsoft.Extensions.Options;

namespace FuncAuth.Passwords;

/// <summary>
/// Startup validation of <see cref="PasswordOptions"/>, generated from its data annotations (nested
/// <see cref="Argon2Options"/> included); the cross-field rules live in each class's <c>Validate</c>.
/// </summary>
[OptionsValidator]
public sealed partial class PasswordOptionsValidator : IValidateOptions<PasswordOptions>;

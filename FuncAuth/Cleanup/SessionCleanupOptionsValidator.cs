using Microsoft.Extensions.Options;

namespace FuncAuth.Cleanup;

/// <summary>Startup validation of <see cref="SessionCleanupOptions"/>, generated from its data annotations.</summary>
[OptionsValidator]
public sealed partial class SessionCleanupOptionsValidator : IValidateOptions<SessionCleanupOptions>;

using Microsoft.Extensions.Options;

namespace FuncAuth.Telemetry;

/// <summary>Startup validation of <see cref="TelemetryOptions"/>, generated from its data annotations; the one cross-field rule is in its <c>Validate</c>.</summary>
[OptionsValidator]
public sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>;

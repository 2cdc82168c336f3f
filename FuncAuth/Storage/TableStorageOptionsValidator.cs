using Microsoft.Extensions.Options;

namespace FuncAuth.Storage;

/// <summary>
/// Startup validation of <see cref="TableStorageOptions"/>, generated from its data annotations; the choice between a
/// connection string and a service URI is in its <c>Validate</c>. Every message names the setting to fix.
/// </summary>
[OptionsValidator]
public sealed partial class TableStorageOptionsValidator : IValidateOptions<TableStorageOptions>;

using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace FuncAuth.Storage;

/// <summary>Startup validation of <see cref="TableStorageOptions"/>; every message names the setting to fix.</summary>
public sealed partial class TableStorageOptionsValidator : IValidateOptions<TableStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TableStorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (string.IsNullOrWhiteSpace(options.ServiceUri))
            {
                failures.Add("Table Storage is not configured: set TableStorage (a connection string, " +
                             "UseDevelopmentStorage=true for Azurite) or TableStorage__serviceUri (managed identity).");
            }
            else if (!Uri.TryCreate(options.ServiceUri, UriKind.Absolute, out var uri) ||
                     (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add("TableStorage__serviceUri must be an absolute http(s) URI of the Table endpoint.");
            }
        }

        if (options.ClientId is { } clientId && !Guid.TryParse(clientId, out _))
        {
            failures.Add("TableStorage__clientId must be the client id (a GUID) of a user-assigned managed identity.");
        }

        CheckTableName("Tables__Users", options.UsersTable, failures);
        CheckTableName("Tables__Sessions", options.SessionsTable, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckTableName(string setting, string? value, List<string> failures)
    {
        if (value is null || !TableName().IsMatch(value))
        {
            failures.Add($"{setting} must be a Table name: 3-63 letters and digits, starting with a letter.");
        }
    }

    // Table Storage's own rule for table names; checked here so a typo fails at startup, not on the first request.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FuncAuth.Auth;

/// <summary>
/// Settings that are only acceptable on a developer's machine: outside the Development environment
/// (<c>AZURE_FUNCTIONS_ENVIRONMENT</c>) startup refuses cookies without <c>Secure</c> and plain-http origins other than
/// loopback, which would send session cookies, or accept state changes, over an unencrypted network.
/// </summary>
public sealed class AuthDeploymentValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Cookies is { Secure: false })
        {
            failures.Add($"Auth__Cookies__Secure=false is only allowed in Development (AZURE_FUNCTIONS_ENVIRONMENT is '{environment.EnvironmentName}')");
        }

        CheckHttpOrigins(options.PublicOrigins, "Auth__PublicOrigins", failures);
        CheckHttpOrigins(options.AllowedOrigins, "Auth__AllowedOrigins", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckHttpOrigins(List<string>? origins, string setting, List<string> failures)
    {
        for (var i = 0; i < (origins?.Count ?? 0); i++)
        {
            if (Uri.TryCreate(origins![i], UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
            {
                failures.Add($"{setting}__{i} is a plain-http origin that is not loopback; only https is allowed outside Development (AZURE_FUNCTIONS_ENVIRONMENT is '{environment.EnvironmentName}')");
            }
        }
    }
}

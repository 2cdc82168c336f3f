using System.ComponentModel.DataAnnotations;

namespace FuncAuth.Telemetry;

/// <summary>An absolute <c>http</c> or <c>https</c> URI; an empty value means "not set" and passes.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsoluteHttpUriAttribute : ValidationAttribute
{
    /// <inheritdoc />
    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) ||
        (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}

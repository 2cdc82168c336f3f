using FuncAuth.Auth;
using FuncAuth.Passwords;
using Microsoft.Extensions.Options;

namespace FuncAuth.OpenApi;

/// <summary>The serialized document, built and serialized once (the singleton is created by the first request) from the validated settings, then served from these bytes.</summary>
public sealed class OpenApiDocumentJson(IOptions<AuthOptions> auth, IOptions<PasswordOptions> passwords)
{
    /// <summary>UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; } = FuncAuthOpenApi.Serialize(FuncAuthOpenApi.Build(auth.Value, passwords.Value));
}

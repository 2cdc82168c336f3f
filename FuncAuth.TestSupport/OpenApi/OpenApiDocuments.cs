using System.Text;
using FuncAuth.Auth;
using FuncAuth.OpenApi;
using FuncAuth.Passwords;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace FuncAuth.TestSupport.OpenApi;

/// <summary>Reads OpenAPI documents back with the Microsoft.OpenApi reader, as a client generator would.</summary>
public static class OpenApiDocuments
{
    private static readonly Lazy<OpenApiDocument> DefaultDocument = new(() => ParseClean(DefaultJson));

    /// <summary>What the code generates with every setting at its default.</summary>
    public static byte[] DefaultJson => FuncAuthOpenApi.Serialize(FuncAuthOpenApi.Build(new AuthOptions(), new PasswordOptions()));

    /// <summary>The default document, read back (and checked to read without errors or warnings).</summary>
    public static OpenApiDocument Default => DefaultDocument.Value;

    public static ReadResult Parse(byte[] json) =>
        OpenApiDocument.Parse(Encoding.UTF8.GetString(json), OpenApiConstants.Json, new OpenApiReaderSettings());

    /// <summary>Every error and warning of the reader, one per line (empty when there is none).</summary>
    public static string Diagnostics(ReadResult result) => string.Join('\n',
        (result.Diagnostic?.Errors ?? []).Select(e => $"error: {e}")
            .Concat((result.Diagnostic?.Warnings ?? []).Select(w => $"warning: {w}")));

    /// <summary>Parses and fails on any error or warning.</summary>
    public static OpenApiDocument ParseClean(byte[] json)
    {
        var result = Parse(json);
        Assert.True(Diagnostics(result).Length == 0, Diagnostics(result));
        return result.Document!;
    }

    public static IReadOnlyList<DocumentedOperation> Operations(OpenApiDocument document) =>
        document.Paths
            .SelectMany(path => (path.Value.Operations ?? []).Select(op => new DocumentedOperation(path.Key, op.Key, op.Value)))
            .ToList();

    public static DocumentedOperation Operation(OpenApiDocument document, string operationId) =>
        Operations(document).Single(o => o.Operation.OperationId == operationId);

    /// <summary>The documented status codes of an operation, as strings ("200", "403", ...).</summary>
    public static IReadOnlyCollection<string> Statuses(this DocumentedOperation operation) =>
        operation.Operation.Responses?.Keys.ToList() ?? [];

    /// <summary>The ids of the security schemes an operation accepts; an empty requirement (anonymous) is the empty string.</summary>
    public static IReadOnlyList<string> SecurityAlternatives(this DocumentedOperation operation) =>
        (operation.Operation.Security ?? [])
            .Select(requirement => string.Join('+', requirement.Keys.Select(k => k.Reference.Id).Order(StringComparer.Ordinal)))
            .ToList();
}

using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace FuncAuth.OpenApi;

/// <summary>Small constructors for the pieces the path builders repeat: schemas, JSON content, references.</summary>
internal static class OpenApiParts
{
    /// <summary>The media type of every JSON body.</summary>
    public const string Json = "application/json";

    public static OpenApiSchema Object(string description, string[] required, params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Required = required.Length == 0 ? null : new HashSet<string>(required, StringComparer.Ordinal),
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal),
    };

    public static OpenApiSchema String(string description, string? format = null, int? maxLength = null) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Format = format,
        MaxLength = maxLength,
    };

    /// <summary>A string that only ever has the given values.</summary>
    public static OpenApiSchema StringEnum(string description, params string[] values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
    };

    public static OpenApiSchema Integer(string description, string format) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = format,
        Description = description,
    };

    public static OpenApiSchema ArrayOf(string description, IOpenApiSchema items) => new()
    {
        Type = JsonSchemaType.Array,
        Description = description,
        Items = items,
    };

    public static OpenApiSchemaReference Schema(OpenApiDocument document, string name) => new(name, document);

    /// <summary><c>application/json</c> content with the named component schema.</summary>
    public static Dictionary<string, IOpenApiMediaType> JsonContent(OpenApiDocument document, string schemaName) =>
        JsonContent(Schema(document, schemaName));

    public static Dictionary<string, IOpenApiMediaType> JsonContent(IOpenApiSchema schema) =>
        new(StringComparer.Ordinal) { [Json] = new OpenApiMediaType { Schema = schema } };

    /// <summary>A JSON request body with the named component schema.</summary>
    public static OpenApiRequestBody JsonBody(OpenApiDocument document, string schemaName, string description, bool required) => new()
    {
        Description = description,
        Required = required,
        Content = JsonContent(document, schemaName),
    };

    /// <summary>A response with a JSON body of the named component schema, and optional header references.</summary>
    public static OpenApiResponse JsonResponse(OpenApiDocument document, string description, IOpenApiSchema schema, params string[] headers) => new()
    {
        Description = description,
        Content = JsonContent(schema),
        Headers = Headers(document, headers),
    };

    /// <summary>An error answer: the shared Problem schema as <c>application/problem+json</c>, and optional header references.</summary>
    public static OpenApiResponse Problem(OpenApiDocument document, string description, params string[] headers) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal)
        {
            [Http.ProblemResponses.ContentType] = new OpenApiMediaType { Schema = Schema(document, nameof(Http.Problem)) },
        },
        Headers = Headers(document, headers),
    };

    /// <summary>A response without a body (204), with header references.</summary>
    public static OpenApiResponse Empty(OpenApiDocument document, string description, params string[] headers) => new()
    {
        Description = description,
        Headers = Headers(document, headers),
    };

    /// <summary>Header components are keyed by a component id; on the wire each is the header named in <see cref="SharedComponents.HeaderNames"/>.</summary>
    private static Dictionary<string, IOpenApiHeader>? Headers(OpenApiDocument document, string[] componentIds) =>
        componentIds.Length == 0
            ? null
            : componentIds.ToDictionary(id => SharedComponents.HeaderNames[id], id => (IOpenApiHeader)new OpenApiHeaderReference(id, document), StringComparer.Ordinal);

    /// <summary>
    /// Adds <paramref name="operation"/> at <paramref name="path"/> (relative to the <c>/api</c> server). The answers the
    /// middleware gives any function are added here once: 500 (ExceptionMiddleware) for all, 403 (CrossSiteRequestMiddleware)
    /// for every method but GET, HEAD and OPTIONS.
    /// </summary>
    public static void AddOperation(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation)
    {
        operation.Responses ??= new OpenApiResponses();
        if (method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Options)
        {
            operation.Responses["403"] = new OpenApiResponseReference(SharedComponents.CrossSiteResponse, document);
        }

        operation.Responses["500"] = new OpenApiResponseReference(SharedComponents.InternalErrorResponse, document);
        operation.Responses = Sorted(operation.Responses);
        document.Paths ??= new OpenApiPaths();
        if (!document.Paths.TryGetValue(path, out var item))
        {
            item = new OpenApiPathItem();
            document.Paths[path] = item;
        }

        ((OpenApiPathItem)item).AddOperation(method, operation);
    }

    /// <summary>By status code, so readers (and diffs of docs/openapi.json) see them in order.</summary>
    private static OpenApiResponses Sorted(OpenApiResponses responses)
    {
        var sorted = new OpenApiResponses();
        foreach (var (status, response) in responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            sorted[status] = response;
        }

        return sorted;
    }

    /// <summary>A shared response from the components.</summary>
    public static OpenApiResponseReference Shared(OpenApiDocument document, string id) => new(id, document);

    /// <summary>The operation's responses, keyed by status code.</summary>
    public static OpenApiResponses Responses(params (int Status, IOpenApiResponse Response)[] responses)
    {
        var result = new OpenApiResponses();
        foreach (var (status, response) in responses)
        {
            result[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }

        return result;
    }

    /// <summary>One requirement per alternative; an empty one means "or anonymously".</summary>
    public static List<OpenApiSecurityRequirement> AnyOf(OpenApiDocument document, bool orAnonymous, params string[] schemes)
    {
        var requirements = schemes
            .Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s, document)] = [] })
            .ToList();
        if (orAnonymous)
        {
            requirements.Add(new OpenApiSecurityRequirement());
        }

        return requirements;
    }
}

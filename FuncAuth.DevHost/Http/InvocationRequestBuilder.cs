using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using FuncAuth.DevHost.Rpc;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.Extensions;

namespace FuncAuth.DevHost.Http;

/// <summary>
/// Builds the <see cref="InvocationRequest"/> for an HTTP trigger the way the host does for a worker that reports
/// RpcHttpBodyOnly, RawHttpBodyBytes, RpcHttpTriggerMetadataRemoved and UseNullableValueDictionaryForHttp.
/// </summary>
internal static class InvocationRequestBuilder
{
    /// <summary>What a body buffer starts with at most, whatever Content-Length says.</summary>
    private const int InitialBodyBuffer = 16 * 1024;

    public static async Task<InvocationRequest> BuildAsync(HttpContext context, RouteMatch match, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var trigger = match.Route.Function.HttpTrigger!;
        var http = new RpcHttp
        {
            Method = request.Method,
            // The worker does new Uri(url) and parses the query from it, so it must be absolute.
            Url = request.GetEncodedUrl(),
        };

        foreach (var (name, values) in request.Headers)
        {
            // ToRpcHttp: lower-cased names; several values joined with ",". The worker reads only nullable_headers.
            http.NullableHeaders[name.ToLowerInvariant()] = new NullableString { Value = string.Join(',', values.ToArray()) };
        }

        foreach (var (name, values) in request.Query)
        {
            http.NullableQuery[name] = new NullableString { Value = string.Join(',', values.ToArray()) };
        }

        foreach (var (name, value) in match.Values)
        {
            if (value is not null)
            {
                http.NullableParams[name] = new NullableString { Value = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) };
            }
        }

        foreach (var identity in context.User.Identities)
        {
            http.Identities.Add(ToRpc(identity));
        }

        // Like the host (ToRpcHttp), only a body with Content-Length > 0 is forwarded: a chunked upload reaches the
        // worker with no body, in the DevHost as under func start, so the difference cannot hide a bug.
        if (request.ContentLength > 0)
        {
            http.Body = new TypedData { Bytes = await ReadBodyAsync(request, cancellationToken) };
        }

        var invocation = new InvocationRequest
        {
            InvocationId = Guid.NewGuid().ToString(),
            FunctionId = match.Route.Function.FunctionId,
            InputData = { new ParameterBinding { Name = trigger.BindingName, Data = new TypedData { Http = http } } },
            // The worker dereferences the trace context without a null check; the host always sends one.
            TraceContext = new RpcTraceContext
            {
                TraceParent = SampledTraceParent(Activity.Current),
                TraceState = Activity.Current?.TraceStateString ?? "",
            },
        };
        AddTriggerMetadata(invocation.TriggerMetadata, request, match);
        return invocation;
    }

    /// <summary>
    /// Reads the body as it arrives into a buffer that grows with what was actually received: the declared length
    /// is a client's claim, so it caps nothing here and sizes no allocation beyond <see cref="InitialBodyBuffer"/>.
    /// Kestrel stops the read at Content-Length and throws BadHttpRequestException when the body ends early,
    /// stalls (MinRequestBodyDataRate) or exceeds MaxRequestBodySize.
    /// </summary>
    private static async Task<ByteString> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 0, InitialBodyBuffer));
        await request.Body.CopyToAsync(buffer, cancellationToken);
        // The buffer is never touched again, so the message can wrap it instead of copying up to 100 MB once more.
        return UnsafeByteOperations.UnsafeWrap(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>
    /// The HTTP binding data (HttpTriggerAttributeBindingProvider.GetRequestBindingData): query parameters except
    /// <c>code</c>, route values (which is how <c>string? tag</c> parameters are bound), and Query/Headers as JSON.
    /// </summary>
    private static void AddTriggerMetadata(
        Google.Protobuf.Collections.MapField<string, TypedData> metadata,
        HttpRequest request,
        RouteMatch match)
    {
        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Query)
        {
            query[name] = values.ToString();
            if (!name.Equals("code", StringComparison.OrdinalIgnoreCase))
            {
                metadata[name] = new TypedData { String = query[name] };
            }
        }

        foreach (var (name, value) in match.Values)
        {
            if (value is not null)
            {
                metadata[name] = new TypedData { String = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) };
            }
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        metadata["Query"] = new TypedData { Json = JsonSerializer.Serialize(query) };
        metadata["Headers"] = new TypedData { Json = JsonSerializer.Serialize(headers) };
    }

    /// <summary>name_claim_type and role_claim_type are always set: the worker dereferences them without a null check.</summary>
    private static RpcClaimsIdentity ToRpc(ClaimsIdentity identity)
    {
        var rpc = new RpcClaimsIdentity
        {
            NameClaimType = new NullableString { Value = identity.NameClaimType },
            RoleClaimType = new NullableString { Value = identity.RoleClaimType },
        };
        if (identity.AuthenticationType is { } authenticationType)
        {
            rpc.AuthenticationType = new NullableString { Value = authenticationType };
        }

        foreach (var claim in identity.Claims)
        {
            rpc.Claims.Add(new RpcClaim { Type = claim.Type, Value = claim.Value });
        }

        return rpc;
    }

    // The host records its request span and passes it on flagged sampled (01), so a worker whose tracer samples by its
    // parent (OpenTelemetry's default) records the invocation and its storage calls. The DevHost records nothing, but
    // asks the same, with its request activity's ids when it has one (ASP.NET Core's is unrecorded, flagged 00).
    private static string SampledTraceParent(Activity? current) =>
        current is { IdFormat: ActivityIdFormat.W3C }
            ? $"00-{current.TraceId.ToHexString()}-{current.SpanId.ToHexString()}-01"
            : $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
}

using FuncAuth.DevHost.Functions;
using FuncAuth.DevHost.Rpc;

namespace FuncAuth.DevHost.Http;

/// <summary>
/// Writes the worker's RpcHttp response the way the host does (HttpBinding + RawScriptResult): status string parsed
/// (200 when missing or unparsable), <c>content-type</c> through Response.ContentType, other duplicate headers
/// dropped, cookies through ASP.NET Core's own cookie writer, and body bytes as they are, with no invented Content-Type.
/// </summary>
internal static class InvocationResponseWriter
{
    public static async Task WriteAsync(HttpContext context, FunctionDescriptor function, InvocationResponse response, ILogger logger)
    {
        var http = FindHttpResult(function, response);
        if (http is null)
        {
            // The host's answer when the function produced no HTTP response: 200 with an empty body (OkResult).
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        context.Response.StatusCode = int.TryParse(http.StatusCode, out var status) ? status : StatusCodes.Status200OK;
        foreach (var (name, value) in http.Headers)
        {
            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.ContentType = value;
            }
            else if (!context.Response.Headers.TryAdd(name, value))
            {
                logger.DuplicateResponseHeaderDropped(name, function.Name);
            }
        }

        foreach (var cookie in http.Cookies)
        {
            context.Response.Cookies.Append(cookie.Name, cookie.Value, ToOptions(cookie));
        }

        var body = http.Body;
        switch (body?.DataCase)
        {
            case TypedData.DataOneofCase.Bytes when !body.Bytes.IsEmpty:
                await context.Response.Body.WriteAsync(body.Bytes.Memory, context.RequestAborted);
                break;
            case TypedData.DataOneofCase.String when body.String.Length > 0:
                await context.Response.WriteAsync(body.String, context.RequestAborted);
                break;
        }
    }

    /// <summary>The .NET worker sends the response as return_value; a POCO with [HttpResult] sends it under its binding name.</summary>
    private static RpcHttp? FindHttpResult(FunctionDescriptor function, InvocationResponse response)
    {
        if (response.ReturnValue?.DataCase == TypedData.DataOneofCase.Http)
        {
            return response.ReturnValue.Http;
        }

        var output = response.OutputData.FirstOrDefault(o =>
            o.Data?.DataCase == TypedData.DataOneofCase.Http &&
            (function.HttpOutputBindingName is null || o.Name == function.HttpOutputBindingName));
        return output?.Data.Http;
    }

    /// <summary>A fresh CookieOptions per cookie, as the host builds it; unset attributes keep ASP.NET Core's defaults (path=/).</summary>
    private static CookieOptions ToOptions(RpcHttpCookie cookie)
    {
        var options = new CookieOptions
        {
            SameSite = cookie.SameSite switch
            {
                RpcHttpCookie.Types.SameSite.Lax => SameSiteMode.Lax,
                RpcHttpCookie.Types.SameSite.Strict => SameSiteMode.Strict,
                RpcHttpCookie.Types.SameSite.ExplicitNone => SameSiteMode.None,
                _ => SameSiteMode.Unspecified,
            },
        };
        if (cookie.Domain is { StringCase: NullableString.StringOneofCase.Value } domain)
        {
            options.Domain = domain.Value;
        }

        if (cookie.Path is { StringCase: NullableString.StringOneofCase.Value } path)
        {
            options.Path = path.Value;
        }

        if (cookie.Expires is { TimestampCase: NullableTimestamp.TimestampOneofCase.Value } expires)
        {
            options.Expires = expires.Value.ToDateTimeOffset();
        }

        if (cookie.MaxAge is { DoubleCase: NullableDouble.DoubleOneofCase.Value } maxAge)
        {
            options.MaxAge = TimeSpan.FromSeconds(maxAge.Value);
        }

        if (cookie.Secure is { BoolCase: NullableBool.BoolOneofCase.Value } secure)
        {
            options.Secure = secure.Value;
        }

        if (cookie.HttpOnly is { BoolCase: NullableBool.BoolOneofCase.Value } httpOnly)
        {
            options.HttpOnly = httpOnly.Value;
        }

        return options;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Http;

/// <summary>How tokens travel: in cookies (browsers, the default) or in JSON bodies (<c>?useCookies=false</c>).</summary>
public enum ResponseMode
{
    /// <summary>HttpOnly cookies; bodies never contain a token.</summary>
    Cookies,
    /// <summary>Tokens in the JSON body; no cookies are set.</summary>
    Tokens,
}

/// <summary>Reads <see cref="ResponseMode"/> from the query string.</summary>
public static class ResponseModes
{
    /// <summary>
    /// <c>useCookies</c> absent or <c>true</c> → cookies; <c>false</c> → tokens; anything else → null (a 400).
    /// </summary>
    public static ResponseMode? From(HttpRequestData request) => request.Query["useCookies"] switch
    {
        null => ResponseMode.Cookies,
        var v when v.Equals("true", StringComparison.OrdinalIgnoreCase) => ResponseMode.Cookies,
        var v when v.Equals("false", StringComparison.OrdinalIgnoreCase) => ResponseMode.Tokens,
        _ => null,
    };

    /// <summary>Reads the mode, or gives the 400 problem to answer when <c>useCookies</c> is neither true nor false.</summary>
    public static bool TryRead(HttpRequestData request, out ResponseMode mode, [NotNullWhen(false)] out HttpResponseData? problem)
    {
        if (From(request) is { } read)
        {
            (mode, problem) = (read, null);
            return true;
        }

        (mode, problem) = (default, ProblemResponses.Create(request, HttpStatusCode.BadRequest, "useCookies must be true or false."));
        return false;
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FuncAuth.TestSupport.Functions;

/// <summary>Builds hostile variants of a real access token, by hand, the way an attacker would.</summary>
public static class JwtForgery
{
    public static string AlgNone(string token)
    {
        var parts = token.Split('.');
        var header = Encode("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{parts[1]}.";
    }

    /// <summary>Changes one payload claim and keeps the original signature.</summary>
    public static string EditClaim(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Decode(parts[1]))!.AsObject();
        payload[claim] = value;
        return $"{parts[0]}.{Encode(payload.ToJsonString())}.{parts[2]}";
    }

    /// <summary>A well-formed HS256 token with the given payload, signed with a key of the attacker's choosing.</summary>
    public static string SignWith(byte[] key, string payloadJson, string alg = "HS256")
    {
        var signingInput = $"{Encode($$"""{"alg":"{{alg}}","typ":"JWT"}""")}.{Encode(payloadJson)}";
        var mac = alg == "HS512" ? HMACSHA512.HashData(key, Encoding.ASCII.GetBytes(signingInput)) : HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url(mac)}";
    }

    public static string PayloadOf(string token) => Decode(token.Split('.')[1]);

    private static string Encode(string json) => Base64Url(Encoding.UTF8.GetBytes(json));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Decode(string part)
    {
        var s = part.Replace('-', '+').Replace('_', '/');
        s += new string('=', (4 - s.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(s));
    }
}

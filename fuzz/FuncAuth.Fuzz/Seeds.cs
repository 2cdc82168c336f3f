using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FuncAuth.Auth;
using FuncAuth.Fuzz.Targets;
using FuncAuth.Tokens;
using Microsoft.AspNetCore.Identity;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Fuzz;

/// <summary>
/// The hand-made starting inputs of each target (<c>--write-seeds</c>): a few valid inputs and the classic hostile
/// ones, so the fuzzer starts from the shapes the parsers accept. Tokens are made under the public fuzzing key.
/// </summary>
internal static class Seeds
{
    private const string UserId = "0123456789abcdef0123456789abcdef";
    private const string SessionId = "fedcba9876543210fedcba9876543210";

    public static int Write(FuzzTarget target, string directory)
    {
        Directory.CreateDirectory(directory);
        var seeds = For(target.Name).ToList();
        foreach (var (name, text) in seeds)
        {
            File.WriteAllBytes(Path.Combine(directory, $"seed-{name}"), FuzzText.Encode(text));
        }

        Console.WriteLine($"{target.Name}: {seeds.Count} seeds written to {directory}");
        return 0;
    }

    private static IEnumerable<(string Name, string Text)> For(string target) => target switch
    {
        "refresh-token" => RefreshTokens(),
        "cookie-header" => CookieHeaders(),
        "access-token" => AccessTokens(),
        "json-body" => JsonBodies(),
        "email" => Emails(),
        "password" => PasswordsToCheck(),
        "phc" => StoredHashes(),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "no seeds"),
    };

    private static IEnumerable<(string, string)> RefreshTokens()
    {
        var token = FuzzAuth.RefreshTokens.Issue(UserId, SessionId, 0);
        var bytes = Base64Url.DecodeFromChars(token);
        RandomNumberGenerator.Fill(bytes.AsSpan(37));
        yield return ("issued-generation-0", token);
        yield return ("issued-generation-7", FuzzAuth.RefreshTokens.Issue(UserId, SessionId, 7));
        yield return ("random-mac", Base64Url.EncodeToString(bytes));
        yield return ("truncated", token[..^1]);
        yield return ("padded", token + "=");
        yield return ("standard-base64", Convert.ToBase64String(Base64Url.DecodeFromChars(token)));
        yield return ("jwt-shaped", "eyJhbGciOiJIUzI1NiJ9.e30.sig");
    }

    private static IEnumerable<(string, string)> CookieHeaders()
    {
        var refresh = FuzzAuth.RefreshTokens.Issue(UserId, SessionId, 0);
        yield return ("both", $"auth-cookie=eyJhbGciOiJIUzI1NiJ9.e30.sig; refresh-cookie={refresh}");
        yield return ("host-prefixed", $"theme=dark; __Host-auth=abc; __Host-refresh={refresh}");
        yield return ("sent-twice", "auth-cookie=victim; other=1; auth-cookie=tossed");
        yield return ("two-headers", "auth-cookie=a\nrefresh-cookie=b; auth-cookie=c");
        yield return ("empty-pairs", "=; ;;=;auth-cookie=;refresh-cookie");
        yield return ("spaces-and-equals", "  auth-cookie  =  a=b=c  ; refresh-cookie=\"quoted\"");
        yield return ("over-limit", $"auth-cookie={new string('a', 4097)}");
    }

    private static IEnumerable<(string, string)> AccessTokens()
    {
        var caller = new AuthenticatedUser(UserId, SessionId);
        var token = FuzzAuth.AccessTokens.Issue(caller).Token;
        var earlier = new AccessTokenService(
            MsOptions.Create(FuzzAuth.Options), new SigningKeyRing(FuzzAuth.Options), new FixedClock(FuzzAuth.Now.AddHours(-1)));
        var parts = token.Split('.');
        yield return ("issued", token);
        yield return ("expired", earlier.Issue(caller).Token);
        yield return ("alg-none", $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{parts[1]}.");
        yield return ("hs512", Sign("""{"alg":"HS512","kid":"default","typ":"JWT"}""", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]))));
        yield return ("segments-swapped", $"{parts[1]}.{parts[0]}.{parts[2]}");
        yield return ("no-signature", $"{parts[0]}.{parts[1]}.");
        yield return ("jwe-shaped", "a.b.c.d.e");
    }

    private static IEnumerable<(string, string)> JsonBodies()
    {
        const string json = "Content-Type: application/json\n\n";
        yield return ("login", json + """{"email":"alice@example.com","password":"correct horse battery"}""");
        yield return ("register", "Content-Type: application/json; charset=utf-8\n\n" + """{"email":"a@b.co","password":"p","displayName":"Alice"}""");
        yield return ("refresh", "Content-Type: application/problem+json\n\n" + """{"refreshToken":"x"}""");
        yield return ("duplicate", json + """{"email":"a","Email":"b"}""");
        yield return ("wrong-type", json + """{"email":1,"password":[true,null,{"a":{}}]}""");
        yield return ("deep", json + "{\"a\":" + new string('[', 20) + new string(']', 20) + "}");
        yield return ("declared-too-long", "Content-Type: application/json\nContent-Length: 99999\n\n{}");
        yield return ("text-plain", "Content-Type: text/plain\n\n{}");
        yield return ("latin1", "Content-Type: application/json; charset=latin1\n\n{}");
        yield return ("no-headers", "{}");
        yield return ("escapes", json + "{\"email\":\"\\u00e9\\ud83d\\ude00\\u0000\"}");
    }

    private static IEnumerable<(string, string)> Emails()
    {
        yield return ("plain", "alice@example.com");
        yield return ("nfd", "  Jose\u0301@Example.COM ");
        yield return ("zero-width", "ali\u200bce@example.com");
        yield return ("bidi", "alice\u202e@example.com");
        yield return ("two-ats", "a@b@example.com");
        yield return ("greek", "\u039f\u03b4\u03c5\u03c3\u03c3\u03b5\u03cd\u03c2@example.gr");
        yield return ("lone-surrogate", "a\ud800@example.com");
    }

    private static IEnumerable<(string, string)> PasswordsToCheck()
    {
        yield return ("acceptable", "correct horse battery staple");
        yield return ("blocklisted", "password");
        yield return ("repeated", new string('a', 20));
        yield return ("full-width", "\uff43\uff4f\uff52\uff52\uff45\uff43\uff54 horse battery");
        yield return ("ligatures", "\ufb03\ufb03\ufb03\ufb03\ufb03\ufb03\ufb03 and more");
        yield return ("combining", "e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301");
        yield return ("control", "correct horse\u0007battery");
        yield return ("lone-surrogate", "correct horse battery \udc00");
    }

    private static IEnumerable<(string, string)> StoredHashes()
    {
        using (var ticket = FuzzAuth.Passwords.TryAdmit()!)
        {
            yield return ("argon2id-cheapest", FuzzAuth.Passwords.HashAsync(ticket, "correct horse battery staple", CancellationToken.None).GetAwaiter().GetResult());
        }

        var salt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=');
        var tag = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=');
        yield return ("argon2id-owasp", $"$argon2id$v=19$m=19456,t=2,p=1${salt}${tag}");
        yield return ("argon2id-over-cap", $"$argon2id$v=19$m=262145,t=11,p=4${salt}${tag}");
        yield return ("argon2i", $"$argon2i$v=19$m=8,t=1,p=1${salt}${tag}");
        yield return ("legacy-v3", new PasswordHasher<object>().HashPassword(new object(), "correct horse battery staple"));
        yield return ("empty", "");
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static string Sign(string header, string payload)
    {
        var input = $"{Encode(header)}.{Encode(payload)}";
        return $"{input}.{Base64Url.EncodeToString(HMACSHA512.HashData(FuzzAuth.SigningKey, Encoding.ASCII.GetBytes(input)))}";
    }
}

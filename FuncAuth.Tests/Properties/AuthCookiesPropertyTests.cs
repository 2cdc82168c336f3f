using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncAuth.Fuzz.Targets;
using FuncAuth.Http;
using FuncAuth.Tests.Http;
using FuncAuth.TestSupport.Auth;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Tests.Properties;

public sealed class AuthCookiesPropertyTests
{
    private const string AccessName = "auth-cookie";
    private const string RefreshName = "refresh-cookie";

    private static readonly AuthCookies Cookies = new(MsOptions.Create(TestAuth.Options()), TestAuth.Clock());

    // RFC 6265 cookie-octet: what a server may put in a cookie value.
    private static readonly char[] CookieOctets = Enumerable.Range(0x21, 0x5E)
        .Select(c => (char)c)
        .Where(c => c is not ('"' or ',' or ';' or '\\'))
        .ToArray();

    private static readonly Gen<string> CookieValue = Gen.Frequency(
            (9, Gen.NonEmptyListOf(Gen.Elements(CookieOctets))),
            (1, Gen.Choose(1, AuthCookies.MaxCookieValueLength).SelectMany(n => Gen.ArrayOf(Gen.Elements(CookieOctets), n).Select(a => a.ToList()))))
        .Select(chars => new string([.. chars]));

    // Other cookies' names, some of them near misses of ours (a prefix, a suffix, another case).
    private static readonly Gen<string> OtherName = Gen.OneOf(
        Gen.Elements("theme", "AUTH-COOKIE", "auth-cookie2", "xauth-cookie", "auth", "refresh-cookie-old", "__Host-auth-cookie", "auth-cookie\u00a0x"),
        Gen.NonEmptyListOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789_-".ToCharArray())).Select(c => new string([.. c])))
        .Where(name => name != AccessName && name != RefreshName);

    private static readonly Gen<string> Separator = Gen.Elements(";", "; ", " ;  ", ";\t");

    // Headers made of the characters that matter to a cookie parser, and of anything else.
    private static readonly Gen<string> HostileHeader = Gen.Frequency(
        (3, TextGen.TextSometimesLong),
        (5, Gen.ListOf(Gen.Frequency(
                (4, Gen.Elements(";", "=", " ", ";;", "==", "\t")),
                (3, Gen.Elements(AccessName, RefreshName, " auth-cookie ", "auth-cookie\u00a0")),
                (3, TextGen.Piece)))
            .Select(string.Concat)));

    [Property(MaxTest = 500)]
    public Property ReadTokens_ArbitraryHeaders_NeverThrowAndReturnOnlyASingleOccurrence() =>
        Prop.ForAll(Gen.NonEmptyListOf(HostileHeader).ToArbitrary(), headers =>
        {
            var request = HttpUnit.Request(headers: headers.Select(h => HttpUnit.Header("Cookie", h)));
            var sent = request.Headers.TryGetValues("Cookie", out var values) ? values.ToList() : [];

            var access = Cookies.ReadAccessToken(request);
            var refresh = Cookies.ReadRefreshToken(request);

            Assert.Equal(CookieHeaderTarget.Expected(sent, AccessName), access);
            Assert.Equal(CookieHeaderTarget.Expected(sent, RefreshName), refresh);
            Assert.True(access is null || Occurrences(sent, AccessName) == 1);
        });

    [Property(MaxTest = 300)]
    public Property ReadAccessToken_ValueAmongOtherCookies_ReturnsExactlyThatValue() =>
        Prop.ForAll(
            (from value in CookieValue
             from others in Gen.ListOf(Gen.Zip(OtherName, CookieValue))
             from position in Gen.Choose(0, others.Count)
             from separators in Gen.ArrayOf(Separator, others.Count + 1)
             from split in Gen.Elements(false, true)
             select (value, others, position, separators, split)).ToArbitrary(),
            c =>
            {
                var pairs = c.others.Select(o => $"{o.Item1}={o.Item2}").ToList();
                pairs.Insert(c.position, $"{AccessName}={c.value}");
                var header = string.Concat(pairs.Select((p, i) => (i == 0 ? "" : c.separators[i]) + p));

                // Either one Cookie header, or the same pairs split over two headers as some proxies send them.
                var headers = c.split && pairs.Count > 1
                    ? [string.Join("; ", pairs.Take(pairs.Count / 2)), string.Join("; ", pairs.Skip(pairs.Count / 2))]
                    : new[] { header };
                var request = HttpUnit.Request(headers: headers.Select(h => HttpUnit.Header("Cookie", h)));

                Assert.Equal(c.value, Cookies.ReadAccessToken(request));
                Assert.Null(Cookies.ReadRefreshToken(request));
            });

    [Property(MaxTest = 200)]
    public Property ReadAccessToken_NameSentTwiceAnywhere_TreatedAsAbsent() =>
        Prop.ForAll(
            (from first in CookieValue
             from second in CookieValue
             from others in Gen.ListOf(Gen.Zip(OtherName, CookieValue))
             from order in Gen.Shuffle(others.Select(o => $"{o.Item1}={o.Item2}").Append($"{AccessName}={first}").Append($" {AccessName} ={second}"))
             select order).ToArbitrary(),
            pairs => Assert.Null(Cookies.ReadAccessToken(HttpUnit.Request(headers: [HttpUnit.Header("Cookie", string.Join(";", pairs))]))));

    private static int Occurrences(IEnumerable<string> headers, string name) =>
        headers.SelectMany(h => h.Split(';')).Count(pair => pair.Split('=', 2) is [var n, _] && n.Trim() == name);
}

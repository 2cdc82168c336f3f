using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncAuth.Auth;
using FuncAuth.Http;
using FuncAuth.Tests.Http;
using FuncAuth.TestSupport.Auth;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Tests.Properties;

public sealed class RequestOriginPolicyPropertyTests
{
    private static readonly RequestOriginPolicy Policy = new(MsOptions.Create(TestAuth.Options(o => o.PublicOrigins = ["https://api.example.test"])));

    // URL-shaped text: schemes, userinfo, IPv6, ports, IDN and the like, joined with hostile text.
    private static readonly Gen<string> OriginLike = Gen.Frequency(
        (2, TextGen.Text),
        (5, Gen.ListOf(Gen.Frequency(
                (3, Gen.Elements("https://", "http://", "HTTPS://", "file:///", "javascript:", "//", "null", "api.example.test", "example.test",
                    "@", ":", ":443", ":80", ":0", ":65536", "[::1]", "xn--bcher-kva.example", "b\u00fccher.example", "%2e", "/path?q#f", "\\", "..")),
                (1, TextGen.Piece)))
            .Select(string.Concat)));

    [Property(MaxTest = 500)]
    public Property TryNormalize_ArbitraryText_NeverThrowsAndItsResultIsItsOwnOrigin() =>
        Prop.ForAll(OriginLike.ToArbitrary(), value =>
        {
            if (!WebOrigin.TryNormalize(value, out var origin))
            {
                return;
            }

            Assert.StartsWith("http", origin, StringComparison.Ordinal);
            Assert.True(WebOrigin.TryNormalize(origin, out var again));
            Assert.Equal(origin, again);
        });

    [Property(MaxTest = 500)]
    public Property IsAllowed_ArbitraryOriginOrReferer_NeverThrowsAndAllowsOnlyTheConfiguredOrigin() =>
        Prop.ForAll(
            (from header in Gen.Elements("Origin", "Referer") from value in OriginLike select (header, value)).ToArbitrary(),
            c =>
            {
                var request = HttpUnit.Request("POST", headers: [HttpUnit.Header(c.header, c.value)]);

                var allowed = Policy.IsAllowed(request);

                var claimed = request.Headers.TryGetValues(c.header, out var values) ? values.FirstOrDefault() : null;
                Assert.Equal(
                    claimed is not null && WebOrigin.TryNormalize(claimed, out var origin)
                        && string.Equals(origin, "https://api.example.test", StringComparison.OrdinalIgnoreCase),
                    allowed);
            });
}

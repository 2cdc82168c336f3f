using System.Buffers.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncAuth.TestSupport.Auth;
using FuncAuth.Tokens;

namespace FuncAuth.Tests.Properties;

public sealed class RefreshTokenCodecPropertyTests
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly RefreshTokenCodec Codec = TestAuth.RefreshTokens(TestAuth.Options());

    private static readonly Gen<string> Id = Gen.ArrayOf(Gen.Elements("0123456789abcdef".ToCharArray()), 32).Select(c => new string(c));

    private static readonly Gen<int> Generation = Gen.Frequency(
        (8, Gen.Choose(0, 1000)),
        (2, Gen.Choose(0, int.MaxValue)),
        (1, Gen.Elements(0, 1, int.MaxValue - 1, int.MaxValue)));

    private static readonly Gen<(string User, string Session, int Generation)> Triple =
        from user in Id from session in Id from generation in Generation select (user, session, generation);

    // Strings of the right length and alphabet are the ones that get past the first checks.
    private static readonly Gen<string> TokenShaped = Gen.Frequency(
        (3, TextGen.TextSometimesLong),
        (3, Gen.ArrayOf(Gen.Elements(Base64UrlAlphabet.ToCharArray()), RefreshTokenCodec.EncodedLength).Select(c => new string(c))),
        (1, from length in Gen.Choose(RefreshTokenCodec.EncodedLength - 2, RefreshTokenCodec.EncodedLength + 2)
            from chars in Gen.ArrayOf(Gen.Elements((Base64UrlAlphabet + "=+/. ").ToCharArray()), length)
            select new string(chars)));

    [Property(MaxTest = 500)]
    public Property TryParse_ArbitraryString_NeverThrowsAndNeverGenuine() =>
        Prop.ForAll(TokenShaped.ToArbitrary(), token =>
        {
            var result = Codec.TryParse(token, out var parsed);

            Assert.NotEqual(RefreshTokenParseResult.Genuine, result);
            Assert.Null(parsed);
        });

    [Property(MaxTest = 300)]
    public Property TryParse_IssuedToken_GenuineWithItsUserSessionAndGeneration() =>
        Prop.ForAll(Triple.ToArbitrary(), t =>
        {
            var token = Codec.Issue(t.User, t.Session, t.Generation);

            Assert.Equal(RefreshTokenCodec.EncodedLength, token.Length);
            Assert.Equal(RefreshTokenParseResult.Genuine, Codec.TryParse(token, out var parsed));
            Assert.Equal(new ParsedRefreshToken(t.User, t.Session, t.Generation), parsed);
        });

    [Property(MaxTest = 500)]
    public Property TryParse_IssuedTokenWithOneByteChanged_NotGenuine() =>
        Prop.ForAll(
            (from t in Triple
             from position in Gen.Choose(0, RefreshTokenCodec.TokenByteLength - 1)
             from mask in Gen.Choose(1, 255)
             select (t, position, mask)).ToArbitrary(),
            c =>
            {
                var bytes = Base64Url.DecodeFromChars(Codec.Issue(c.t.User, c.t.Session, c.t.Generation));
                bytes[c.position] ^= (byte)c.mask;

                Assert.NotEqual(RefreshTokenParseResult.Genuine, Codec.TryParse(Base64Url.EncodeToString(bytes), out _));
            });

    [Property(MaxTest = 500)]
    public Property TryParse_IssuedTokenWithOneCharacterChanged_NotGenuine() =>
        Prop.ForAll(
            (from t in Triple
             from position in Gen.Choose(0, RefreshTokenCodec.EncodedLength - 1)
             from replacement in Gen.Elements((Base64UrlAlphabet + "=+/.").ToCharArray())
             select (t, position, replacement)).ToArbitrary(),
            c =>
            {
                var token = Codec.Issue(c.t.User, c.t.Session, c.t.Generation);
                var changed = string.Concat(token.AsSpan(0, c.position), c.replacement.ToString(), token.AsSpan(c.position + 1));

                Assert.True(changed == token || Codec.TryParse(changed, out _) != RefreshTokenParseResult.Genuine, changed);
            });

    [Property(MaxTest = 300)]
    public Property TryParse_RealIdsAndGenerationWithRandomMac_Forged() =>
        Prop.ForAll(
            (from t in Triple from mac in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 32) select (t, mac)).ToArbitrary(),
            c =>
            {
                var bytes = Base64Url.DecodeFromChars(Codec.Issue(c.t.User, c.t.Session, c.t.Generation));
                c.mac.CopyTo(bytes, RefreshTokenCodec.TokenByteLength - 32);

                Assert.Equal(RefreshTokenParseResult.Forged, Codec.TryParse(Base64Url.EncodeToString(bytes), out var parsed));
                Assert.Null(parsed);
            });
}

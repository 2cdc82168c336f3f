using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncAuth.Auth;
using FuncAuth.TestSupport.Auth;
using FuncAuth.Tokens;

namespace FuncAuth.Tests.Properties;

public sealed class AccessTokenServicePropertyTests
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";

    private static readonly AuthOptions Options = TestAuth.Options();
    private static readonly AccessTokenService Tokens = TestAuth.AccessTokens(Options, TestAuth.Clock());
    private static readonly AuthenticatedUser Caller = new("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210");
    private static readonly string Issued = Tokens.Issue(Caller).Token;

    [Fact]
    public void Validate_TheIssuedTokenUnchanged_NamesTheCaller() => Assert.Equal(Caller, Tokens.Validate(Issued));

    // Found by Validate_IssuedTokenReshaped_Null: the handler accepted the signature with one '=' of padding appended,
    // a second spelling of the same token (compact JWS has no padding, RFC 7515 section 2).
    [Theory]
    [InlineData("=")]
    [InlineData("==")]
    public void Validate_IssuedTokenWithPaddingAppended_Null(string padding) => Assert.Null(Tokens.Validate(Issued + padding));

    [Property(MaxTest = 500)]
    public Property Validate_ArbitraryString_NeverThrowsAndNull() =>
        Prop.ForAll(
            Gen.Frequency(
                (3, TextGen.TextSometimesLong),
                (3, Gen.ListOf(Gen.Elements(TokenAlphabet.ToCharArray())).Select(c => new string([.. c]))),
                (2, from parts in Gen.ArrayOf(Gen.ListOf(Gen.Elements(TokenAlphabet.ToCharArray()).Where(c => c != '.')), 3)
                    select string.Join('.', parts.Select(p => new string([.. p]))))).ToArbitrary(),
            token => Assert.Null(Tokens.Validate(token)));

    [Property(MaxTest = 500)]
    public Property Validate_IssuedTokenWithOneCharacterChanged_NullUnlessUnchanged() =>
        Prop.ForAll(
            (from position in Gen.Choose(0, Issued.Length - 1)
             from replacement in Gen.OneOf(Gen.Elements(TokenAlphabet.ToCharArray()), Gen.Choose(0, 0xFFFF).Select(c => (char)c))
             select (position, replacement)).ToArbitrary(),
            c =>
            {
                var changed = string.Concat(Issued.AsSpan(0, c.position), c.replacement.ToString(), Issued.AsSpan(c.position + 1));

                Assert.True(changed == Issued || Tokens.Validate(changed) is null, $"validated after changing position {c.position}: {changed}");
            });

    [Property(MaxTest = 200)]
    public Property Validate_IssuedTokenReshaped_Null() =>
        Prop.ForAll(
            Gen.Elements(Reshapings()).SelectMany(r => Gen.Choose(0, 1000).Select(seed => (r, seed))).ToArbitrary(),
            c => Assert.Null(Tokens.Validate(c.r.Reshape(Tokens.Issue(Caller).Token, c.seed))));

    private static (string Name, Func<string, int, string> Reshape)[] Reshapings() =>
    [
        ("swap header and payload", (t, _) => Rejoin(t, p => [p[1], p[0], p[2]])),
        ("drop the signature", (t, _) => Rejoin(t, p => [p[0], p[1], ""])),
        ("drop the signature and its dot", (t, _) => Rejoin(t, p => [p[0], p[1]])),
        ("alg none", (t, _) => Rejoin(t, p => [Header("none"), p[1], ""])),
        ("alg changed, signature kept", (t, seed) => Rejoin(t, p => [Header(Algs[seed % Algs.Length]), p[1], p[2]])),
        ("re-signed with HS512 under the real key", (t, _) => SignHs512(t)),
        ("payload of another token", (t, _) => Rejoin(t, p => [p[0], Tokens.Issue(new AuthenticatedUser(Caller.SessionId, Caller.UserId)).Token.Split('.')[1], p[2]])),
        ("signature truncated", (t, seed) => Rejoin(t, p => [p[0], p[1], p[2][..(seed % p[2].Length)]])),
        ("padded with '='", (t, _) => t + "="),
        ("whitespace around", (t, _) => $" {t} "),
    ];

    private static readonly string[] Algs = ["HS384", "HS512", "RS256", "ES256", "PS256", "none", "hs256", "HS256 "];

    private static string Rejoin(string token, Func<string[], string[]> change) => string.Join('.', change(token.Split('.')));

    private static string Header(string alg) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"alg":"{{alg}}","kid":"default","typ":"JWT"}"""));

    private static string SignHs512(string token)
    {
        var input = $"{Header("HS512")}.{token.Split('.')[1]}";
        var key = Convert.FromBase64String(Options.SigningKey!);
        return $"{input}.{Base64Url.EncodeToString(HMACSHA512.HashData(key, Encoding.ASCII.GetBytes(input)))}";
    }
}

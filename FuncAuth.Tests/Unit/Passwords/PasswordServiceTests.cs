using System.Buffers.Binary;
using FuncAuth.Passwords;
using FuncAuth.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FuncAuth.Tests.Unit.Passwords;

/// <summary>Uses the production iteration count: these tests are about the real parameters.</summary>
public sealed class PasswordServiceTests
{
    private static readonly PasswordService Service = new();

    [Fact]
    public void Verify_CorrectPassword_ReturnsSuccess()
    {
        var hash = Service.Hash("correct horse battery");
        Assert.Equal(PasswordVerificationResult.Success, Service.Verify(hash, "correct horse battery"));
    }

    [Fact]
    public void Verify_WrongPassword_ReturnsFailed()
    {
        var hash = Service.Hash("correct horse battery");
        Assert.Equal(PasswordVerificationResult.Failed, Service.Verify(hash, "correct horse batterY"));
    }

    [Fact]
    public void Hash_Always_IsV3Pbkdf2HmacSha512With220000Iterations()
    {
        // V3 layout: 0x01, PRF (uint32 BE; 2 = HMACSHA512), iteration count (uint32 BE), salt length, salt, subkey.
        var bytes = Convert.FromBase64String(Service.Hash("password1"));

        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)));
        Assert.Equal(220_000u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
    }

    [Fact]
    public void Hash_SamePasswordTwice_DiffersBySalt() =>
        Assert.NotEqual(Service.Hash("password1"), Service.Hash("password1"));

    [Fact]
    public void Verify_HashWithFewerIterations_ReturnsSuccessRehashNeeded()
    {
        var legacy = new PasswordHasher<UserRecord>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        var hash = legacy.HashPassword(null!, "password1");

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Service.Verify(hash, "password1"));
        Assert.Equal(PasswordVerificationResult.Failed, Service.Verify(hash, "password2"));
    }

    [Fact]
    public void Verify_CorruptHash_ReturnsFailed() =>
        Assert.Equal(PasswordVerificationResult.Failed, Service.Verify("not base64 at all!", "password1"));

    [Fact]
    public void VerifyDummy_AnyPassword_ReturnsFailed()
    {
        Assert.Equal(PasswordVerificationResult.Failed, Service.VerifyDummy("password1"));
        Assert.Equal(PasswordVerificationResult.Failed, Service.VerifyDummy(""));
    }
}

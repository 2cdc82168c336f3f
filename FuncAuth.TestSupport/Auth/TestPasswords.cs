using FuncAuth.Passwords;
using FuncAuth.Telemetry;
using FuncAuth.TestSupport.Logging;
using FuncAuth.TestSupport.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.TestSupport.Auth;

/// <summary>
/// Password services with libsodium's cheapest Argon2id cost (m = 8 KiB, t = 1) so unit suites stay fast;
/// PasswordServiceTests proves the production defaults separately.
/// </summary>
internal static class TestPasswords
{
    public static PasswordOptions Options(Action<PasswordOptions>? configure = null)
    {
        var options = new PasswordOptions { Argon2 = { MemoryKiB = 8, Iterations = 1 } };
        configure?.Invoke(options);
        return options;
    }

    public static PasswordService Service(PasswordOptions? options = null, HashingGate? gate = null, RecordingLogger<PasswordService>? logger = null)
    {
        options ??= Options();
        return new PasswordService(
            MsOptions.Create(options),
            gate ?? Gate(options),
            (Microsoft.Extensions.Logging.ILogger<PasswordService>?)logger ?? NullLogger<PasswordService>.Instance);
    }

    public static HashingGate Gate(
        PasswordOptions options, TimeProvider? time = null, RecordingLogger<HashingGate>? logger = null, FuncAuthMetrics? metrics = null) =>
        new(MsOptions.Create(options), time ?? TimeProvider.System,
            (Microsoft.Extensions.Logging.ILogger<HashingGate>?)logger ?? NullLogger<HashingGate>.Instance, metrics ?? TestMetrics.Create());

    public static PasswordPolicy Policy(Action<PasswordOptions>? configure = null, PasswordBlocklist? blocklist = null) =>
        new(MsOptions.Create(Options(configure)), blocklist ?? PasswordBlocklist.Embedded);

    /// <summary>Admits a ticket, failing the test when the gate refuses.</summary>
    public static HashingTicket Admit(this PasswordService service) =>
        service.TryAdmit() ?? throw new InvalidOperationException("The test gate refused admission.");

    public static async Task<string> HashAsync(this PasswordService service, string password)
    {
        using var ticket = service.Admit();
        return await service.HashAsync(ticket, password, CancellationToken.None);
    }

    public static async Task<PasswordVerification> VerifyAsync(this PasswordService service, string storedHash, string password)
    {
        using var ticket = service.Admit();
        return await service.VerifyAsync(ticket, storedHash, password, CancellationToken.None);
    }
}

// One run, one machine: time per hash of Argon2id (NSec/libsodium, the library FuncAuth uses) at OWASP's
// parameter sets and of the legacy ASP.NET Core Identity V3 hash (PBKDF2-HMAC-SHA512, 220,000 iterations).
// Rounds interleave the candidates so a noisy neighbour slows all of them alike; the median is reported.
// Usage: dotnet PasswordHashingBench.dll [--rounds 15]
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

var rounds = args.Length == 2 && args[0] == "--rounds" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15;
var password = Encoding.UTF8.GetBytes("correct horse battery staple");
var salt = RandomNumberGenerator.GetBytes(16);
var tag = new byte[32];

Candidate Argon2(int memoryKiB, int iterations)
{
    var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
    {
        DegreeOfParallelism = 1,
        MemorySize = memoryKiB,
        NumberOfPasses = iterations,
    });
    return new Candidate($"Argon2id m={memoryKiB},t={iterations},p=1", () => algorithm.DeriveBytes(password, salt, tag));
}

var legacyHasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions
{
    CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
    IterationCount = 220_000,
}));
var legacy = new Candidate("PBKDF2-HMAC-SHA512 220,000 (Identity V3)", () => legacyHasher.HashPassword(new object(), "correct horse battery staple"));

Candidate[] candidates =
[
    Argon2(19456, 2),
    Argon2(47104, 1),
    Argon2(12288, 3),
    Argon2(9216, 4),
    Argon2(7168, 5),
    legacy,
];

foreach (var candidate in candidates)
{
    candidate.Run();
    candidate.Run();
}

var samples = candidates.ToDictionary(c => c, _ => new List<double>());
for (var round = 0; round < rounds; round++)
{
    for (var i = 0; i < candidates.Length; i++)
    {
        var candidate = candidates[(i + round) % candidates.Length];
        var started = Stopwatch.GetTimestamp();
        candidate.Run();
        samples[candidate].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

var reference = Median(samples[candidates[0]]);
var legacyMedian = Median(samples[legacy]);
Console.WriteLine($"{Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {rounds} interleaved rounds, one thread");
Console.WriteLine($"{"hash",-44} {"median ms",10} {"min ms",8} {"vs m=19456,t=2",15} {"legacy / this",14}");
foreach (var candidate in candidates)
{
    var median = Median(samples[candidate]);
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{candidate.Name,-44} {median,10:F1} {samples[candidate].Min(),8:F1} {median / reference,14:F2}x {legacyMedian / median,13:F2}x"));
}

internal sealed record Candidate(string Name, Action Run);

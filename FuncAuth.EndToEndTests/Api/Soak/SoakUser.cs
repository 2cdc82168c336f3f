namespace FuncAuth.EndToEndTests.Api.Soak;

/// <summary>A registered account; attacked accounts only ever see wrong passwords.</summary>
internal sealed record SoakUser(string Email, string Password, bool Attacked);

namespace FuncAuth.Sessions;

/// <summary>Body of <c>refresh-tokens</c> and <c>logout</c> in token mode (<c>?useCookies=false</c>).</summary>
public sealed record RefreshRequest(string? RefreshToken);

namespace FuncAuth.Http;

/// <summary>The limits every JSON context of the app shares.</summary>
public static class JsonLimits
{
    /// <summary>Request bodies are flat records: anything nested deeper than this is refused before it is bound.</summary>
    public const int MaxDepth = 8;
}

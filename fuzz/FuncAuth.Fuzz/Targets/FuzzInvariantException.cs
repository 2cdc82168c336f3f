namespace FuncAuth.Fuzz.Targets;

/// <summary>
/// Thrown by a target when the code under test answered without throwing but broke one of its promises (a forged
/// token accepted, a 500-class answer, a normalization that is not idempotent). Like any other exception it is a
/// crash to the fuzzer and a failure to the corpus replay.
/// </summary>
public sealed class FuzzInvariantException(string message) : Exception(message)
{
    /// <summary>Throws unless <paramref name="condition"/> holds; <paramref name="promise"/> says what was promised.</summary>
    public static void Holds(bool condition, string promise)
    {
        if (!condition)
        {
            throw new FuzzInvariantException(promise);
        }
    }
}

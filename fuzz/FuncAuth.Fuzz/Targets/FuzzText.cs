using System.Text;

namespace FuncAuth.Fuzz.Targets;

/// <summary>Turns fuzzer bytes into the text a parser receives.</summary>
public static class FuzzText
{
    /// <summary>First byte of an input whose rest is read as raw UTF-16 code units.</summary>
    public const byte Utf16Marker = 0xFF;

    /// <summary>
    /// UTF-8 (invalid sequences become U+FFFD, as the worker's UTF-8 decoding delivers them), unless the input starts
    /// with <see cref="Utf16Marker"/> (never valid UTF-8): then the rest is little-endian UTF-16 code units taken as
    /// they are, so lone surrogates and every code unit (U+FFFE, U+0000) are reachable too.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty || input[0] != Utf16Marker)
        {
            return Encoding.UTF8.GetString(input);
        }

        var units = input[1..];
        var chars = new char[units.Length / 2];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(units[2 * i] | (units[(2 * i) + 1] << 8));
        }

        return new string(chars);
    }

    /// <summary>The input form of <paramref name="text"/>: UTF-8 when it round-trips, the UTF-16 form otherwise.</summary>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var utf8 = Encoding.UTF8.GetBytes(text);
        if (Encoding.UTF8.GetString(utf8) == text && (utf8.Length == 0 || utf8[0] != Utf16Marker))
        {
            return utf8;
        }

        var bytes = new byte[1 + (2 * text.Length)];
        bytes[0] = Utf16Marker;
        for (var i = 0; i < text.Length; i++)
        {
            bytes[1 + (2 * i)] = (byte)text[i];
            bytes[2 + (2 * i)] = (byte)(text[i] >> 8);
        }

        return bytes;
    }
}

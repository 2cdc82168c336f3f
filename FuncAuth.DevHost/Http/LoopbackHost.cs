using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FuncAuth.DevHost.Http;

/// <summary>
/// Which <c>Host</c> header values the DevHost answers. A DNS-rebinding page reaches a loopback server under its
/// own name (<c>Host: attacker.example</c>), so only loopback names pass: <c>localhost</c>, <c>127.x.y.z</c> and
/// <c>[::1]</c>, each with an optional port. With <c>--allow-remote</c> any IP literal passes too (an IP literal
/// cannot be rebound); other names never do.
/// </summary>
public static class LoopbackHost
{
    public static bool IsAllowed(string host, bool allowAnyIpLiteral)
    {
        if (!TrySplit(host, out var name, out var bracketed))
        {
            return false;
        }

        if (bracketed)
        {
            return IPAddress.TryParse(name, out var v6) &&
                   v6.AddressFamily == AddressFamily.InterNetworkV6 &&
                   (allowAnyIpLiteral || v6.Equals(IPAddress.IPv6Loopback));
        }

        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return TryParseDottedQuad(name, out var firstOctet) && (allowAnyIpLiteral || firstOctet == 127);
    }

    /// <summary>Splits <c>name[:port]</c> or <c>[v6][:port]</c>; false for anything else, including an empty value or an empty port.</summary>
    private static bool TrySplit(string host, out string name, out bool bracketed)
    {
        string rest;
        bracketed = host.StartsWith('[');
        if (bracketed)
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            name = close > 1 ? host[1..close] : "";
            rest = close > 1 ? host[(close + 1)..] : "";
        }
        else
        {
            var colon = host.IndexOf(':', StringComparison.Ordinal);
            name = colon < 0 ? host : host[..colon];
            rest = colon < 0 ? "" : host[colon..];
        }

        return name.Length > 0 && (rest.Length == 0 || (rest[0] == ':' && IsPort(rest[1..])));
    }

    private static bool IsPort(string text) =>
        text.Length is >= 1 and <= 5 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) <= 65535;

    /// <summary>Exactly four decimal octets: the only IPv4 form a browser puts in a Host header (no <c>127.1</c>, hex or octal).</summary>
    private static bool TryParseDottedQuad(string name, out int firstOctet)
    {
        firstOctet = -1;
        var parts = name.Split('.');
        if (parts.Length != 4 || parts.Any(p => p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit) || int.Parse(p, CultureInfo.InvariantCulture) > 255))
        {
            return false;
        }

        firstOctet = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return true;
    }
}

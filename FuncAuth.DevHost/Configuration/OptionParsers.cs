using System.Globalization;
using System.Net;

namespace FuncAuth.DevHost.Configuration;

/// <summary>Turns option text into values; every failure is one line naming the option's source and the fix.</summary>
public static class OptionParsers
{
    /// <summary>
    /// Upper bound for <c>--max-request-body-size</c>: the body travels to the worker inside one gRPC message
    /// (at most 2 GiB with everything else in it) and is buffered in one array.
    /// </summary>
    public const long MaxBodySizeCeiling = 1L << 30;

    public static int ParsePort(OptionValue value) =>
        int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new DevHostConfigurationException(
                $"{value.Source} '{value.Text}' is not a port: use a whole number from 1 to 65535.");

    /// <summary>
    /// <c>localhost</c> or an IP literal. A non-loopback address is refused unless <paramref name="allowRemote"/>:
    /// the DevHost checks no keys and has no TLS, so it should not be reachable from other machines by accident.
    /// </summary>
    public static string ParseAddress(OptionValue value, bool allowRemote)
    {
        if (value.Text.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "localhost";
        }

        if (!IPAddress.TryParse(value.Text, out var address))
        {
            throw new DevHostConfigurationException(
                $"{value.Source} '{value.Text}' is not an IP address or 'localhost': use 127.0.0.1, ::1 or localhost.");
        }

        if (!allowRemote && !IPAddress.IsLoopback(address))
        {
            throw new DevHostConfigurationException(
                $"{value.Source} {value.Text} is not a loopback address and the DevHost (no keys, no TLS) is for local development: " +
                $"use 127.0.0.1 or localhost, or add --{CommandLine.AllowRemoteFlag} ({OptionReader.VariableName(CommandLine.AllowRemoteFlag)}=true) to listen on it anyway.");
        }

        return address.ToString();
    }

    public static long ParseBodySize(OptionValue value) =>
        long.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxBodySizeCeiling
            ? size
            : throw new DevHostConfigurationException(
                $"{value.Source} '{value.Text}' is not a body size: use a whole number of bytes from 1 to {MaxBodySizeCeiling} " +
                $"(default {DevHostOptions.DefaultMaxRequestBodySize}, the Functions host's limit).");

    /// <summary>The command-line flag arrives as <c>true</c>; the environment variable may say true/false/1/0.</summary>
    public static bool ParseFlag(OptionValue? value) => value?.Text.ToLowerInvariant() switch
    {
        null or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw new DevHostConfigurationException($"{value.Source} '{value.Text}' is not a boolean: use true or false."),
    };
}

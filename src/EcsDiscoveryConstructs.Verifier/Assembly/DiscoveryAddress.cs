using System.Globalization;

namespace EcsDiscoveryConstructs.Verifier.Assembly;

/// <summary>
/// The host and port an environment value points at: <c>orders.shop.local</c>, <c>orders.shop.local:8080</c> or a URL
/// such as <c>http://user@orders.shop.local:8080/path</c>. Host names compare without case, as DNS does.
/// </summary>
internal readonly record struct DiscoveryAddress(string? Scheme, string Host, int? Port)
{
    /// <summary>The port written, else the scheme's default (80 for http, 443 for https), else none.</summary>
    public int? EffectivePort => Port ?? Scheme?.ToUpperInvariant() switch
    {
        "HTTP" => 80,
        "HTTPS" => 443,
        _ => null,
    };

    /// <summary>Reads <paramref name="value"/>; a value without a host (empty, only a path) gives an empty host.</summary>
    public static DiscoveryAddress Parse(string value)
    {
        var rest = value.Trim();
        string? scheme = null;
        var separator = rest.IndexOf("://", StringComparison.Ordinal);
        if (separator >= 0)
        {
            scheme = rest[..separator];
            rest = rest[(separator + 3)..];
        }

        var end = rest.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            rest = rest[..end];
        }

        rest = rest[(rest.LastIndexOf('@') + 1)..];
        var colon = rest.LastIndexOf(':');
        if (colon >= 0 && int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
        {
            return new DiscoveryAddress(scheme, rest[..colon], port);
        }

        return new DiscoveryAddress(scheme, rest, null);
    }

    /// <summary>Whether this address names <paramref name="host"/> (a trailing root dot is allowed).</summary>
    public bool Names(string host) => string.Equals(Host.TrimEnd('.'), host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether this address reaches <paramref name="host"/> on <paramref name="port"/>.</summary>
    public bool Reaches(string host, int port) => Names(host) && EffectivePort == port;
}

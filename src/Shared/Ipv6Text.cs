using System.Net;
using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Shared;

/// <summary>
/// An IPv6 address as AWS reads it: the text forms of RFC 4291 section 2.2 (eight groups of 1-4 hex digits, one <c>::</c>
/// at most, the last two groups optionally as a strict dotted IPv4 address), the form Route 53 answers AAAA queries with
/// and Cloud Map's <c>AWS_INSTANCE_IPV6</c> documents. Stricter than <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>,
/// which also reads <c>[2001:db8::5]</c>, zones (<c>fe80::1%eth0</c>) and a legacy IPv4 tail.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html (AWS_INSTANCE_IPV6, "for example,
/// 2001:0db8:85a3:0000:0000:abcd:0001:2345"); https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html#AAAAFormat;
/// https://www.rfc-editor.org/rfc/rfc4291#section-2.2.</remarks>
internal static partial class Ipv6Text
{
    /// <summary>The longest text form: eight groups of four digits and seven colons.</summary>
    private const int MaxLength = 45;

    /// <summary>The address, or null when <paramref name="text"/> is not an RFC 4291 text form.</summary>
    public static IPAddress? Parse(string? text)
    {
        if (text is null || text.Length is < 2 or > MaxLength)
        {
            return null;
        }

        var head = text;
        var groupsLeft = 8;
        var lastColon = text.LastIndexOf(':');
        if (lastColon < 0)
        {
            return null;
        }

        if (text.IndexOf('.', StringComparison.Ordinal) >= 0)
        {
            // A dotted IPv4 tail stands for the last two groups.
            if (Ipv4Text.Parse(text[(lastColon + 1)..]) is null)
            {
                return null;
            }

            head = text[..(lastColon + 1)];
            head = head.EndsWith("::", StringComparison.Ordinal) ? head : head[..^1];
            groupsLeft = 6;
        }

        var compressed = head.IndexOf("::", StringComparison.Ordinal);
        if (compressed >= 0 && head.IndexOf("::", compressed + 1, StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        var groups = compressed < 0
            ? Groups(head)
            : Groups(head[..compressed]) is >= 0 and var before && Groups(head[(compressed + 2)..]) is >= 0 and var after ? before + after : -1;
        var fits = compressed < 0 ? groups == groupsLeft : groups >= 0 && groups < groupsLeft;
        return fits ? IPAddress.Parse(text) : null;
    }

    /// <summary>The number of colon-separated groups of 1-4 hex digits in <paramref name="part"/> (0 when empty), -1 when malformed.</summary>
    private static int Groups(string part)
        => part.Length == 0 ? 0 : part.Split(':') is var groups && groups.All(HexGroup().IsMatch) ? groups.Length : -1;

    [GeneratedRegex(@"^[0-9A-Fa-f]{1,4}\z", RegexOptions.CultureInvariant)]
    private static partial Regex HexGroup();
}

using System.Net;
using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Shared;

/// <summary>
/// An IPv4 address as AWS reads it: four dotted decimal octets 0-255 without leading zeros (<c>192.0.2.44</c>), the form
/// Route 53 answers A queries with and Cloud Map's <c>AWS_INSTANCE_IPV4</c> documents. Stricter than
/// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>, which also reads <c>10.0.0</c>, <c>0x0a.0.0.5</c>,
/// <c>167772162</c> and the octal <c>010.0.0.2</c> (as 8.0.0.2).
/// </summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html (AWS_INSTANCE_IPV4, "for example, 192.0.2.44");
/// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html#AFormat ("dotted decimal notation").</remarks>
internal static partial class Ipv4Text
{
    /// <summary>The address, or null when <paramref name="text"/> is not exactly four dotted decimal octets.</summary>
    public static IPAddress? Parse(string? text)
        => text is not null && DottedQuad().IsMatch(text) ? IPAddress.Parse(text) : null;

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DottedQuad();
}

using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.LocalPeers;

/// <summary>
/// What the local peer registers for an instance the template declares: its id and attributes as written, with each
/// value CloudFormation would compute at deploy (e.g. a load balancer's DNS name) replaced by a stable local stand-in.
/// </summary>
internal static class DeclaredInstanceAttributes
{
    /// <summary>The suffix of the stand-in names given to computed values (never a real zone).</summary>
    public const string LocalSuffix = "local.example";

    public static (string Id, Dictionary<string, string> Attributes) ForPeer(DeclaredInstance instance)
    {
        var stem = instance.LogicalId.ToLowerInvariant();
        var attributes = instance.Attributes.ToDictionary(
            a => a.Key,
            a => a.Value.Literal ?? StandIn(a.Key, stem),
            StringComparer.Ordinal);
        return (instance.InstanceId.Literal ?? stem, attributes);
    }

    private static string StandIn(string key, string stem) => key switch
    {
        "AWS_ALIAS_DNS_NAME" => $"{stem}.elb.{LocalSuffix}",
        "AWS_INSTANCE_CNAME" => $"{stem}.{LocalSuffix}",
        "AWS_INSTANCE_IPV4" => "192.0.2.10",
        "AWS_INSTANCE_IPV6" => "2001:db8::10",
        "AWS_INSTANCE_PORT" => "8080",
        _ => $"{stem}-{key.ToLowerInvariant()}",
    };
}

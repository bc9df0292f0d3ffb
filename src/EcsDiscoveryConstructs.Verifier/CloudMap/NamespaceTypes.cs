using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.Verifier.CloudMap;

/// <summary>How the Cloud Map API names each namespace kind.</summary>
internal static class NamespaceTypes
{
    /// <summary>The namespace <c>Type</c> that ListNamespaces returns: DNS_PRIVATE, DNS_PUBLIC or HTTP.</summary>
    public static string Of(NamespaceKind kind) => kind switch
    {
        NamespaceKind.PrivateDns => "DNS_PRIVATE",
        NamespaceKind.PublicDns => "DNS_PUBLIC",
        _ => "HTTP",
    };
}

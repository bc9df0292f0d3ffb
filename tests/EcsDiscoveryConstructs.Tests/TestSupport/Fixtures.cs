using Amazon.CDK;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>Namespaces with known names, shared by the construct and rule tests.</summary>
internal static class Fixtures
{
    public static PrivateDnsDiscoveryNamespace PrivateNamespace(Stack stack, string name = "internal.example.com")
        => new(stack, "Private", new PrivateDnsDiscoveryNamespaceProps { Name = name, Vpc = TestApp.ImportedVpc(stack) });

    public static PublicDnsDiscoveryNamespace PublicNamespace(Stack stack, string name = "api.example.com")
        => new(stack, "Public", new PublicDnsDiscoveryNamespaceProps { Name = name });

    public static HttpDiscoveryNamespace HttpNamespace(Stack stack, string name = "internal-api")
        => new(stack, "Http", new HttpDiscoveryNamespaceProps { Name = name });

    /// <summary>A service that passes every rule without warnings: A records, 10 s TTL, custom health check.</summary>
    public static DiscoveryServiceProps GoodService(IDiscoveryNamespace ns, string name = "orders")
        => new() { Namespace = ns, Name = name, CustomHealthCheck = new CustomHealthCheckOptions() };
}

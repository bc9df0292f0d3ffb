using Amazon.CDK;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

/// <summary>client-alias-unique: one Service Connect client alias dnsName:port per namespace.</summary>
public class ClientAliasUniqueTests
{

    [Fact]
    public void SameClientAliasTwice_FailsSynthesisNamingBoth()
    {
        var w = new Workloads();
        _ = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "api", Port = 80 });
        _ = w.ScService("Payments", "payments", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "api", Port = 80 });
        Assert.Contains(
            "DiscoverableFargateService 'TestStack/Orders' and 'TestStack/Payments': ServiceConnect client alias 'api:80' is used more than once in namespace 'internal.example.com'. Give each endpoint its own DnsName or Port. [ecs-discovery:client-alias-unique]",
            Findings.SynthError(w.Stack).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void SameAliasNameOnOtherPort_Synthesizes()
    {
        var w = new Workloads();
        _ = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "api", Port = 80 });
        _ = w.ScService("Payments", "payments", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "api", Port = 81 });
        Assert.Single(((App)w.Stack.Node.Root).Synth().Stacks);
    }
}

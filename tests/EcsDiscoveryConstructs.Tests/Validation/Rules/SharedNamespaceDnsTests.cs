using Amazon.CDK;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class SharedNamespaceDnsTests
{
    private static (Stack Stack, IDiscoveryNamespace Namespace) Consumer()
    {
        var stack = new Stack(TestApp.Create(), "Consumer", new StackProps { Env = new Amazon.CDK.Environment { Account = "444455556666", Region = "us-east-1" } });
        var ns = PrivateDnsDiscoveryNamespace.FromAttributes(stack, "Shared", new DiscoveryNamespaceAttributes
        {
            NamespaceId = "ns-0123456789abcdef0",
            NamespaceArn = "arn:aws:servicediscovery:us-east-1:111122223333:namespace/ns-0123456789abcdef0",
            NamespaceName = "internal.example.com",
        });
        return (stack, ns);
    }

    [Fact]
    public void ApiOnlyServiceInSharedPrivateNamespace_NoWarning()
    {
        var (stack, ns) = Consumer();
        _ = new DiscoveryService(stack, "Api", new DiscoveryServiceProps { Namespace = ns, Name = "api", Discovery = DiscoveryType.API });
        Assert.Empty(Findings.Warnings(stack, "shared-namespace-dns"));
    }

    [Fact]
    public void DnsServiceInSharedPrivateNamespace_WarnsWithMessage()
    {
        var (stack, ns) = Consumer();
        _ = new DiscoveryService(stack, "Api", new DiscoveryServiceProps { Namespace = ns, Name = "api" });
        Assert.Equal(
            ["DiscoveryService 'Consumer/Api': Namespace 'internal.example.com' is shared by account 111122223333: DNS clients in this account's VPCs resolve 'api' only once each VPC is associated with the namespace's hosted zone. Have account 111122223333 run 'aws route53 create-vpc-association-authorization' and this account 'aws route53 associate-vpc-with-hosted-zone' per VPC (docs/shared-namespaces.md), use Discovery = DiscoveryType.API, or acknowledge this warning. [ecs-discovery:shared-namespace-dns]"],
            Findings.Warnings(stack, "shared-namespace-dns"));
    }
}

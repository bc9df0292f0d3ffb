using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class NamespaceShareDnsTests
{
    [Fact]
    public void SharedHttpNamespace_NoWarning()
    {
        var w = new Workloads();
        _ = new HttpDiscoveryNamespace(w.Stack, "Apps", new HttpDiscoveryNamespaceProps { Name = "apps" }).ShareWith(new NamespaceShareOptions { Principals = ["444455556666"] });
        Assert.Empty(Findings.Warnings(w.Stack, "namespace-share-dns"));
    }

    [Fact]
    public void SharedPrivateDnsNamespace_WarnsWithMessage()
    {
        var w = new Workloads();
        _ = w.Namespace.ShareWith(new NamespaceShareOptions { Principals = ["444455556666"] });
        Assert.Equal(
            ["PrivateDnsDiscoveryNamespace 'TestStack/Namespace': ShareWith shares a private DNS namespace: consumer VPCs resolve its names only once associated with its hosted zone. For each consumer VPC run 'aws route53 create-vpc-association-authorization' in this account and 'aws route53 associate-vpc-with-hosted-zone' in the consumer's (docs/shared-namespaces.md), or acknowledge this warning if consumers use Service Connect or the Cloud Map API only. [ecs-discovery:namespace-share-dns]"],
            Findings.Warnings(w.Stack, "namespace-share-dns"));
    }
}

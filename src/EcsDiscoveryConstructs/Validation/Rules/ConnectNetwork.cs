using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>ConnectTo stays inside one VPC.</summary>
internal sealed class ConnectNetwork : IPropsRule<ConnectionSpec>
{
    public RuleInfo Info => new(
        "connect-network",
        RuleLevel.Error,
        "ConnectTo: the caller's cluster runs in the target's VPC.",
        "ConnectTo opens the target's security group to the caller's group, and a security-group rule cannot reference a group in another VPC; a private DNS name also resolves only inside its namespace's VPC.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html" };

    public IEnumerable<Violation> Check(ConnectionSpec subject)
    {
        var sourceVpc = ClusterFacts.VpcOf(DiscoverableFargateService.ClusterOf(subject.Source));
        var targetVpc = ClusterFacts.VpcOf(DiscoverableFargateService.ClusterOf(subject.Target));
        if (!Vpcs.Differ(sourceVpc, targetVpc))
        {
            yield break;
        }

        var privateDns = subject.Target.DnsName is { } dns && subject.Target.CloudMapNamespace?.NamespaceType == NamespaceType.DNS_PRIVATE
            ? $", and its private DNS name '{dns}' resolves only in that VPC"
            : string.Empty;
        yield return new Violation(
            $"target '{subject.Target.Node.Path}'",
            $"runs in VPC '{Vpcs.Describe(targetVpc)}', but '{subject.Source.Node.Path}' runs in VPC '{Vpcs.Describe(sourceVpc)}': a security-group rule cannot reference a group in another VPC{privateDns}",
            "Run both services in clusters of one VPC, or connect through a load balancer or VPC Lattice and open the security groups by CIDR yourself.");
    }
}

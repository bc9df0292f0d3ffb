using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

/// <summary>namespace-instance-quota: a warning when more instances could register in one namespace than Cloud Map's default quota.</summary>
public class NamespaceInstanceQuotaTests
{

    [Fact]
    public void InstancesWithinQuota_NoWarning()
    {
        var w = new Workloads();
        w.DnsService("A", "a").AutoScale(new TaskScalingOptions { MinCapacity = 1, MaxCapacity = 1000 });
        w.DnsService("B", "b").AutoScale(new TaskScalingOptions { MinCapacity = 1, MaxCapacity = 1000 });
        Assert.Empty(Findings.Warnings(w.Stack));
    }

    [Fact]
    public void InstancesAboveNamespaceQuota_WarnsOnceWithContributors()
    {
        var w = new Workloads();
        w.DnsService("A", "a").AutoScale(new TaskScalingOptions { MinCapacity = 1, MaxCapacity = 1000 });
        w.DnsService("B", "b").AutoScale(new TaskScalingOptions { MinCapacity = 1, MaxCapacity = 1000 });
        w.DnsService("C", "c");
        w.DnsService("D", "d");
        Assert.Equal(
            ["Namespace 'internal.example.com': up to 2001 instances could register ('TestStack/A (Cloud Map)' 1000, 'TestStack/B (Cloud Map)' 1000, 'TestStack/C (Cloud Map)' 1), more than the default quota of 2000 instances per namespace. Request a higher quota (and, for DNS namespaces, more Route 53 records per hosted zone), or spread services over namespaces. [ecs-discovery:namespace-instance-quota]"],
            Findings.Warnings(w.Stack));
    }
}

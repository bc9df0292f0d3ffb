using Amazon.CDK;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

/// <summary>discovery-name-unique: one Service Connect discovery name per namespace, and none equal to a Cloud Map service name there.</summary>
public class DiscoveryNameUniqueTests
{

    [Fact]
    public void DistinctDiscoveryNamesAndAliases_Synthesize()
    {
        var w = new Workloads();
        _ = w.ScService("Orders", "orders");
        _ = w.ScService("Payments", "payments");
        Assert.Single(((App)w.Stack.Node.Root).Synth().Stacks);
    }

    [Fact]
    public void SameDiscoveryNameTwice_FailsSynthesisNamingBoth()
    {
        var w = new Workloads();
        _ = w.ScService("Orders", "orders");
        _ = w.ScService("OrdersCopy", "orders-copy", new ServiceConnectEndpoint { PortMappingName = "http", DiscoveryName = "orders", DnsName = "orders-copy" });
        Assert.Contains(
            "DiscoverableFargateService 'TestStack/Orders' and 'TestStack/OrdersCopy': ServiceConnect discoveryName 'orders' is used more than once in namespace 'internal.example.com'. Give each endpoint its own DiscoveryName. [ecs-discovery:discovery-name-unique]",
            Findings.SynthError(w.Stack).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void DiscoveryNameEqualToCloudMapServiceName_FailsSynthesisNamingBoth()
    {
        // aws-cdk #26524: Service Connect and Cloud Map registration under one name in one namespace.
        var w = new Workloads();
        _ = new DiscoverableFargateService(w.Stack, "Payments", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "payments",
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
            ServiceConnect = new ServiceConnectOptions { Namespace = w.Namespace, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http" }] },
        });
        Assert.Contains(
            "DiscoverableFargateService 'TestStack/Payments' and Cloud Map service 'TestStack/Payments/CloudMap': ServiceConnect discoveryName 'payments' is also the name of a Cloud Map service in namespace 'internal.example.com', so ECS cannot create its Service Connect service (aws-cdk #26524). Rename one of them, or use DualDiscovery, which suffixes discovery names with '-sc'. [ecs-discovery:discovery-name-unique]",
            Findings.SynthError(w.Stack).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitDiscoveryNameEqualToTheDualDnsName_AdviceFitsDualDiscovery()
    {
        var w = new Workloads();
        _ = w.ScService("Payments", "payments", new ServiceConnectEndpoint { PortMappingName = "http", DiscoveryName = "payments", DnsName = "payments-sc" }, dual: true);
        var message = Findings.SynthError(w.Stack).Message;
        Assert.Contains("Rename one of them, or leave that endpoint's DiscoveryName unset so DualDiscovery derives '<name>-sc'. [ecs-discovery:discovery-name-unique]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("or use DualDiscovery", message, StringComparison.Ordinal);
    }
}

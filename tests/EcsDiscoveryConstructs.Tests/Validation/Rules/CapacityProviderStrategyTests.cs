using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class CapacityProviderStrategyTests
{
    private static DiscoverableFargateService Service(Workloads w, params ICapacityProviderStrategy[] strategies) => new(w.Stack, "Orders", new DiscoverableFargateServiceProps
    {
        Cluster = w.Cluster,
        Name = "orders",
        Container = Workloads.WebContainer(),
        CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
        DesiredCount = 2,
        CapacityProviderStrategies = strategies,
    });

    [Fact]
    public void SpotWithAnOnDemandBase_IsEmitted()
    {
        var w = new Workloads();
        w.Cluster.EnableFargateCapacityProviders();
        _ = Service(w, new CapacityProviderStrategy { CapacityProvider = "FARGATE", Base = 1, Weight = 1 }, new CapacityProviderStrategy { CapacityProvider = "FARGATE_SPOT", Weight = 3 });
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["CapacityProviderStrategy"] = new object[]
            {
                new Dictionary<string, object> { ["CapacityProvider"] = "FARGATE", ["Base"] = 1, ["Weight"] = 1 },
                new Dictionary<string, object> { ["CapacityProvider"] = "FARGATE_SPOT", ["Weight"] = 3 },
            },
        });
    }

    [Fact]
    public void Ec2ProviderNegativeWeightTwoBasesAndZeroWeights_FailWithMessages()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Service(
            w,
            new CapacityProviderStrategy { CapacityProvider = "my-asg-provider", Base = 1, Weight = 0 },
            new CapacityProviderStrategy { CapacityProvider = "FARGATE", Base = 2, Weight = -1 }));
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': CapacityProviderStrategies[0].CapacityProvider 'my-asg-provider' is not a Fargate capacity provider: use FARGATE or FARGATE_SPOT. Fargate services run on FARGATE or FARGATE_SPOT only. [ecs-discovery:capacity-provider-strategy]",
                "DiscoverableFargateService 'TestStack/Orders': CapacityProviderStrategies[1].Weight -1 is out of range: use a whole number from 0 to 1000. Use relative weights, e.g. 1 and 3. [ecs-discovery:capacity-provider-strategy]",
                "DiscoverableFargateService 'TestStack/Orders': CapacityProviderStrategies weights (all 0) place no task: at least one weight must be above 0. Give FARGATE (or FARGATE_SPOT) a weight, e.g. 1. [ecs-discovery:capacity-provider-strategy]",
                "DiscoverableFargateService 'TestStack/Orders': CapacityProviderStrategies bases are set on more than one provider. Set Base on one provider only. [ecs-discovery:capacity-provider-strategy]",
            ],
            error.Errors);
    }

    [Fact]
    public void NullEntryAndNullProvider_FailWithOurMessages()
    {
        var w = new Workloads();
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': CapacityProviderStrategies[0].CapacityProvider (null) is required. Set CapacityProviderStrategies[0].CapacityProvider; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => Service(w, new CapacityProviderStrategy { CapacityProvider = null!, Weight = 1 })).Errors);
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders2': CapacityProviderStrategies[0] (null) is required. Remove the null entry. [ecs-discovery:capacity-provider-strategy]"],
            Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders2", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders2", Container = Workloads.WebContainer(), CapacityProviderStrategies = [null!] })).Errors);
    }

    [Fact]
    public void LimitsAndAZeroWeightBesideAWeightedProvider_AreEmitted()
    {
        var w = new Workloads();
        w.Cluster.EnableFargateCapacityProviders();
        _ = Service(w, new CapacityProviderStrategy { CapacityProvider = "FARGATE", Base = 100_000, Weight = 0 }, new CapacityProviderStrategy { CapacityProvider = "FARGATE_SPOT", Base = 0, Weight = 1000 });
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["CapacityProviderStrategy"] = new object[]
            {
                new Dictionary<string, object> { ["CapacityProvider"] = "FARGATE", ["Base"] = 100_000, ["Weight"] = 0 },
                new Dictionary<string, object> { ["CapacityProvider"] = "FARGATE_SPOT", ["Base"] = 0, ["Weight"] = 1000 },
            },
        });
    }

    [Fact]
    public void EmptyList_FailsAsPlacingNoTask()
    {
        var w = new Workloads();
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': CapacityProviderStrategies (empty) place no task. Leave CapacityProviderStrategies unset for the FARGATE launch type, or list FARGATE and/or FARGATE_SPOT. [ecs-discovery:capacity-provider-strategy]"],
            Findings.Error(() => Service(w)).Errors);
    }

    [Fact]
    public void ValuesJustOutsideTheRangesAndARepeatedProvider_FailWithMessages()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Service(
            w,
            new CapacityProviderStrategy { CapacityProvider = "FARGATE", Base = 100_001, Weight = 1001 },
            new CapacityProviderStrategy { CapacityProvider = "FARGATE", Base = -1, Weight = 1 }));
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': CapacityProviderStrategies[0].Weight 1001 is out of range: use a whole number from 0 to 1000. Use relative weights, e.g. 1 and 3. [ecs-discovery:capacity-provider-strategy]",
                "DiscoverableFargateService 'TestStack/Orders': CapacityProviderStrategies[0].Base 100001 is out of range: use a whole number from 0 to 100000. Use the number of tasks that always run on this provider, e.g. 1. [ecs-discovery:capacity-provider-strategy]",
                "DiscoverableFargateService 'TestStack/Orders': CapacityProviderStrategies[1].Base -1 is out of range: use a whole number from 0 to 100000. Use the number of tasks that always run on this provider, e.g. 1. [ecs-discovery:capacity-provider-strategy]",
                "DiscoverableFargateService 'TestStack/Orders': CapacityProviderStrategies (FARGATE 2 times) name one provider more than once. List each provider once. [ecs-discovery:capacity-provider-strategy]",
            ],
            error.Errors);
    }

    [Fact]
    public void SpotOnAClusterWithoutFargateProviders_FailsSynthesisNamingTheCluster()
    {
        var w = new Workloads();
        _ = Service(w, new CapacityProviderStrategy { CapacityProvider = "FARGATE_SPOT", Weight = 1 });
        Assert.Contains(
            "DiscoverableFargateService 'TestStack/Orders': CapacityProviderStrategies provider 'FARGATE_SPOT' is not associated with cluster 'TestStack/Cluster' (it has none). Call cluster.EnableFargateCapacityProviders(), or create the cluster with EnableFargateCapacityProviders = true. [ecs-discovery:capacity-provider-cluster]",
            Findings.SynthError(w.Stack).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void FargateProvidersEnabledAfterTheService_AreFoundAtSynthesis()
    {
        var w = new Workloads();
        _ = Service(w, new CapacityProviderStrategy { CapacityProvider = "FARGATE_SPOT", Weight = 1 });
        w.Cluster.EnableFargateCapacityProviders();
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::ClusterCapacityProviderAssociations", new Dictionary<string, object> { ["CapacityProviders"] = new[] { "FARGATE", "FARGATE_SPOT" } });
    }

    [Fact]
    public void AnImportedCluster_IsTrustedWithItsProviders()
    {
        var w = new Workloads();
        var imported = Cluster.FromClusterAttributes(w.Stack, "Imported", new ClusterAttributes { ClusterName = "shared", Vpc = w.Vpc, SecurityGroups = [] });
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = imported,
            Name = "orders",
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
            CapacityProviderStrategies = [new CapacityProviderStrategy { CapacityProvider = "FARGATE_SPOT", Weight = 1 }],
        });
        Template.FromStack(w.Stack).ResourceCountIs("AWS::ECS::Service", 1);
    }

    [Fact]
    public void WeightAndBaseFromParameters_AreLeftToCloudFormation()
    {
        var w = new Workloads();
        w.Cluster.EnableFargateCapacityProviders();
        var weight = new Amazon.CDK.CfnParameter(w.Stack, "SpotWeight", new Amazon.CDK.CfnParameterProps { Type = "Number" }).ValueAsNumber;
        var minimum = new Amazon.CDK.CfnParameter(w.Stack, "OnDemandBase", new Amazon.CDK.CfnParameterProps { Type = "Number" }).ValueAsNumber;
        _ = Service(w, new CapacityProviderStrategy { CapacityProvider = "FARGATE", Base = minimum, Weight = 0 }, new CapacityProviderStrategy { CapacityProvider = "FARGATE_SPOT", Weight = weight, Base = minimum });
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["CapacityProviderStrategy"] = new object[]
            {
                new Dictionary<string, object> { ["CapacityProvider"] = "FARGATE", ["Base"] = new Dictionary<string, object> { ["Ref"] = "OnDemandBase" }, ["Weight"] = 0 },
                new Dictionary<string, object> { ["CapacityProvider"] = "FARGATE_SPOT", ["Base"] = new Dictionary<string, object> { ["Ref"] = "OnDemandBase" }, ["Weight"] = new Dictionary<string, object> { ["Ref"] = "SpotWeight" } },
            },
        });
    }
}

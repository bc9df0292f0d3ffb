using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ServiceConnectLookupTests
{
    [Fact]
    public void Lookup_ByEffectiveDiscoveryName_GivesNameNamespaceAlias_AndAScopedDiscoverGrant()
    {
        var w = new Workloads();
        var orders = w.ScService("Orders", "orders");
        var reporting = new Role(w.Stack, "Reporting", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });

        var found = orders.ServiceConnectService("orders");
        _ = found.GrantDiscoverInstances(reporting);

        Assert.Equal("orders", found.DiscoveryName);
        Assert.Equal("internal.example.com", found.NamespaceName);
        Assert.Equal("orders.internal.example.com", found.ClientAlias);
        Assert.Equal(8080, found.ClientPort);
        Template.FromStack(w.Stack).HasResourceProperties("AWS::IAM::Policy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["Action"] = new object[] { "servicediscovery:DiscoverInstances", "servicediscovery:DiscoverInstancesRevision" },
                        ["Effect"] = "Allow",
                        ["Resource"] = "*",
                        ["Condition"] = new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["servicediscovery:NamespaceName"] = "internal.example.com", ["servicediscovery:ServiceName"] = "orders" },
                        },
                    },
                },
            }),
        });
    }

    [Fact]
    public void Lookup_OfANameNoEndpointHas_FailsWithMessage()
    {
        var w = new Workloads();
        var orders = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", DiscoveryName = "orders-api" });
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': ServiceConnectService('orders') names no Cloud Map service ECS creates for this service: its endpoints' discovery names are 'orders-api'. Use one of them, e.g. ServiceConnectService(\"orders-api\"). [ecs-discovery:service-connect-lookup]"],
            Findings.Error(() => orders.ServiceConnectService("orders")).Errors);

        var dns = w.DnsService("Billing", "billing");
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Billing': ServiceConnectService('billing') names no Cloud Map service ECS creates for this service: the service has no Service Connect endpoints. Add ServiceConnect endpoints, or look the name up on the service that serves it. [ecs-discovery:service-connect-lookup]"],
            Findings.Error(() => dns.ServiceConnectService("billing")).Errors);
        Assert.Contains("required-props", Findings.Error(() => dns.ServiceConnectService(null!)).Message, StringComparison.Ordinal);
    }
}

using Amazon.CDK.Assertions;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Services;

public class DiscoverableFargateServiceTests
{
    [Fact]
    public void CloudMapA_RegistryArnIsTheCloudMapServiceArn()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        var template = Template.FromStack(w.Stack);
        template.HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceName"] = "orders",
            ["ServiceRegistries"] = new object[]
            {
                new Dictionary<string, object> { ["RegistryArn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { w.Stack.GetLogicalId((Amazon.CDK.CfnElement)service.DiscoveryService!.Resource.Node.DefaultChild!), "Arn" } } },
            },
        });
        Assert.Equal("orders.internal.example.com", service.DnsName);
    }
}

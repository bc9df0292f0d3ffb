using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class RegistryArnTests
{
    private static ImportedCloudMapService Imported(Workloads w, string arn, string id = "srv-p5zdwlg5uvvzjita") => new()
    {
        ServiceArn = arn,
        ServiceId = id,
        ServiceName = "legacy",
        Namespace = w.Namespace,
    };

    [Fact]
    public void ServiceArn_IsTheRegistryArn()
    {
        var w = new Workloads();
        _ = w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { ImportedService = Imported(w, "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-p5zdwlg5uvvzjita") });
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceRegistries"] = new object[] { new Dictionary<string, object> { ["RegistryArn"] = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-p5zdwlg5uvvzjita" } },
        });
    }

    [Fact]
    public void NamespaceArnAndId_FailWithMessages()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { ImportedService = Imported(w, "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-ylexjili4cdxy3xm", "ns-ylexjili4cdxy3xm") }));
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': CloudMap.ImportedService.ServiceArn 'arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-ylexjili4cdxy3xm' is not a Cloud Map service ARN: that is a namespace, not a Cloud Map service. Copy the service's Arn from 'aws servicediscovery list-services'. [ecs-discovery:registry-arn]",
                "DiscoverableFargateService 'TestStack/Orders': CloudMap.ImportedService.ServiceId 'ns-ylexjili4cdxy3xm' is not a Cloud Map service id: expected 'srv-...'. Copy the service's Id from 'aws servicediscovery list-services'. [ecs-discovery:registry-arn]",
            ],
            error.Errors);
    }

    [Fact]
    public void ServiceIdOfAnotherService_FailsNamingBothIds()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { ImportedService = Imported(w, "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-p5zdwlg5uvvzjita", "srv-aaaaaaaaaaaaaaaa") }));
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': CloudMap.ImportedService.ServiceId 'srv-aaaaaaaaaaaaaaaa' is not the service ServiceArn names ('srv-p5zdwlg5uvvzjita'). Pass the id and the ARN of the same Cloud Map service. [ecs-discovery:registry-arn]"],
            error.Errors);
    }

    [Fact]
    public void AnIdWhereTheArnBelongs_FailsWithTheArnsShape()
    {
        var w = new Workloads();
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': CloudMap.ImportedService.ServiceArn 'srv-p5zdwlg5uvvzjita' is not a Cloud Map service ARN: expected 'arn:<partition>:servicediscovery:<region>:<account>:service/srv-...'. Copy the service's Arn from 'aws servicediscovery list-services'. [ecs-discovery:registry-arn]"],
            Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { ImportedService = Imported(w, "srv-p5zdwlg5uvvzjita") })).Errors);
    }

    [Fact]
    public void IdResolvedAtDeploy_IsNotComparedWithTheArn()
    {
        var w = new Workloads();
        var id = new Amazon.CDK.CfnParameter(w.Stack, "ServiceId").ValueAsString;
        _ = w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { ImportedService = Imported(w, "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-p5zdwlg5uvvzjita", id) });
        Assert.Single(Amazon.CDK.Assertions.Template.FromStack(w.Stack).FindResources("AWS::ECS::Service"));
    }
}

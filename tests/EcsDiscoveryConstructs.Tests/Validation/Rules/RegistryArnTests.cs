using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

/// <summary>registry-arn: an imported Cloud Map service (DiscoveryService.FromServiceAttributes) is named by its service ARN and id.</summary>
public class RegistryArnTests
{
    private const string ServiceArn = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-p5zdwlg5uvvzjita";

    private static IDiscoveryService Import(Workloads w, string arn, string id = "srv-p5zdwlg5uvvzjita") => DiscoveryService.FromServiceAttributes(w.Stack, "Legacy", new DiscoveryServiceAttributes
    {
        ServiceArn = arn,
        ServiceId = id,
        ServiceName = "legacy",
        Namespace = w.Namespace,
    });

    [Fact]
    public void ServiceArn_IsTheRegistryArn()
    {
        var w = new Workloads();
        var legacy = Import(w, ServiceArn);
        _ = w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { ExistingService = legacy });
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceRegistries"] = new object[] { new Dictionary<string, object> { ["RegistryArn"] = ServiceArn } },
        });
        Assert.Equal(("legacy", w.Namespace.NamespaceName, DiscoveryRecordTypes.A), (legacy.ServiceName, legacy.Namespace.NamespaceName, legacy.DnsRecords));
        Assert.Same(w.Stack, legacy.Stack);
    }

    [Fact]
    public void NamespaceArnAndId_FailWithMessages()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Import(w, "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-ylexjili4cdxy3xm", "ns-ylexjili4cdxy3xm"));
        Assert.Equal(
            [
                "DiscoveryService 'TestStack/Legacy': ServiceArn 'arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-ylexjili4cdxy3xm' is not a Cloud Map service ARN: that is a namespace, not a Cloud Map service. Copy the service's Arn from 'aws servicediscovery list-services'. [ecs-discovery:registry-arn]",
                "DiscoveryService 'TestStack/Legacy': ServiceId 'ns-ylexjili4cdxy3xm' is not a Cloud Map service id: expected 'srv-...'. Copy the service's Id from 'aws servicediscovery list-services'. [ecs-discovery:registry-arn]",
            ],
            error.Errors);
    }

    [Fact]
    public void ServiceIdOfAnotherService_FailsNamingBothIds()
    {
        var w = new Workloads();
        Assert.Equal(
            ["DiscoveryService 'TestStack/Legacy': ServiceId 'srv-aaaaaaaaaaaaaaaa' is not the service ServiceArn names ('srv-p5zdwlg5uvvzjita'). Pass the id and the ARN of the same Cloud Map service. [ecs-discovery:registry-arn]"],
            Findings.Error(() => Import(w, ServiceArn, "srv-aaaaaaaaaaaaaaaa")).Errors);
    }

    [Fact]
    public void AnIdWhereTheArnBelongs_FailsWithTheArnsShape()
    {
        var w = new Workloads();
        Assert.Equal(
            ["DiscoveryService 'TestStack/Legacy': ServiceArn 'srv-p5zdwlg5uvvzjita' is not a Cloud Map service ARN: expected 'arn:<partition>:servicediscovery:<region>:<account>:service/srv-...'. Copy the service's Arn from 'aws servicediscovery list-services'. [ecs-discovery:registry-arn]"],
            Findings.Error(() => Import(w, "srv-p5zdwlg5uvvzjita")).Errors);
    }

    [Fact]
    public void IdResolvedAtDeploy_IsNotComparedWithTheArn()
    {
        var w = new Workloads();
        var id = new Amazon.CDK.CfnParameter(w.Stack, "ServiceId").ValueAsString;
        _ = w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { ExistingService = Import(w, ServiceArn, id) });
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).ResourceCountIs("AWS::ECS::Service", 1);
    }

    [Fact]
    public void MissingAttributes_AreNamedWithTheImportsPath()
    {
        var w = new Workloads();
        Assert.Equal(
            [
                "DiscoveryService 'TestStack/Legacy': ServiceArn (null) is required. Set ServiceArn; it cannot be null. [ecs-discovery:required-props]",
                "DiscoveryService 'TestStack/Legacy': Namespace (null) is required. Set Namespace; it cannot be null. [ecs-discovery:required-props]",
            ],
            Findings.Error(() => DiscoveryService.FromServiceAttributes(w.Stack, "Legacy", new DiscoveryServiceAttributes { ServiceArn = null!, ServiceId = "srv-p5zdwlg5uvvzjita", ServiceName = "legacy", Namespace = null! })).Errors);
        Assert.Equal("attributes", Assert.Throws<ArgumentNullException>(() => DiscoveryService.FromServiceAttributes(w.Stack, "Other", null!)).ParamName);
    }
}

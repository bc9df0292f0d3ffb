using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ServiceConnectProxySettingsTests
{
    private static DiscoverableFargateService Service(Workloads w, ServiceConnectAccessLogs? logs, LogDriver? driver, int? ingressPort) => new(w.Stack, "Orders", new DiscoverableFargateServiceProps
    {
        Cluster = w.Cluster,
        Name = "orders",
        Container = Workloads.WebContainer(),
        ServiceConnect = new ServiceConnectOptions
        {
            Namespace = w.Namespace,
            LogDriver = driver,
            AccessLogs = logs,
            Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", IngressPortOverride = ingressPort }],
        },
    });

    [Fact]
    public void AccessLogsAndIngressPort_AreEmitted()
    {
        var w = new Workloads();
        _ = Service(w, new ServiceConnectAccessLogs { Json = true }, LogDriver.AwsLogs(new AwsLogDriverProps { StreamPrefix = "sc" }), 15000);
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceConnectConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["AccessLogConfiguration"] = new Dictionary<string, object> { ["Format"] = "JSON", ["IncludeQueryParameters"] = "DISABLED" },
                ["Services"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["IngressPortOverride"] = 15000 }) },
            }),
        });
    }

    [Fact]
    public void AccessLogsWithoutLogDriverAndIngressPortZero_FailWithMessages()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Service(w, new ServiceConnectAccessLogs(), null, 0));
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.AccessLogs need somewhere to go: ServiceConnect.LogDriver is not set. Set ServiceConnect.LogDriver, e.g. LogDriver.AwsLogs(new AwsLogDriverProps { StreamPrefix = \"sc\" }). [ecs-discovery:service-connect-proxy-settings]",
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].IngressPortOverride 0 is out of range: use 1-65535. Use the port the proxy should listen on, e.g. 15000, or leave it unset. [ecs-discovery:service-connect-proxy-settings]",
            ],
            error.Errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65535)]
    public void IngressPortAtTheEdges_IsEmitted(int port)
    {
        var w = new Workloads();
        _ = Service(w, null, null, port);
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceConnectConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Services"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["IngressPortOverride"] = port }) },
            }),
        });
    }

    [Fact]
    public void IngressPortAboveTheRange_FailsWithMessage()
    {
        var w = new Workloads();
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].IngressPortOverride 65536 is out of range: use 1-65535. Use the port the proxy should listen on, e.g. 15000, or leave it unset. [ecs-discovery:service-connect-proxy-settings]"],
            Findings.Error(() => Service(w, null, null, 65536)).Errors);
    }
}

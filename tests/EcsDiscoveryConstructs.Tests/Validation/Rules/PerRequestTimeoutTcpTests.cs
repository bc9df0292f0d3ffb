using Amazon.CDK;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class PerRequestTimeoutTcpTests
{
    [Fact]
    public void Http_PerRequestTimeout_IsEmitted()
    {
        var w = new Workloads();
        _ = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", PerRequestTimeout = Duration.Seconds(5), IdleTimeout = Duration.Seconds(60) });
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceConnectConfiguration"] = Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object>
            {
                ["Services"] = new object[] { Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["Timeout"] = new Dictionary<string, object> { ["PerRequestTimeoutSeconds"] = 5, ["IdleTimeoutSeconds"] = 60 } }) },
            }),
        });
    }

    [Fact]
    public void Tcp_PerRequestTimeout_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Db", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "db",
            Container = Workloads.WebContainer(5432, tcp: true),
            ServiceConnect = new ServiceConnectOptions { Namespace = w.Namespace, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", PerRequestTimeout = Duration.Seconds(5) }] },
        }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Db': ServiceConnect.Endpoints[0].PerRequestTimeout cannot be used with port mapping 'http', which has no AppProtocol (TCP). Remove PerRequestTimeout, or set AppProtocol = AppProtocol.Http (or Http2, Grpc) on the port mapping. [ecs-discovery:per-request-timeout-tcp]",
            error.Message);
    }
}

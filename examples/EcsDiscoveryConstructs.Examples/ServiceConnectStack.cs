using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Logs;
using Constructs;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// Service Connect: <c>backend</c> offers its "http" port under the client alias <c>backend:80</c>; <c>frontend</c> is a
/// Service Connect client and gets <c>BACKEND_ENDPOINT=backend:80</c>.
/// </summary>
public sealed class ServiceConnectStack : Stack
{
    public ServiceConnectStack(Construct scope, string id, IStackProps? props = null)
        : base(scope, id, props)
    {
        var network = new ExampleNetwork(this, "Network");
        var ns = new HttpDiscoveryNamespace(this, "Shop", new HttpDiscoveryNamespaceProps { Name = "shop" });
        var proxyLogs = new LogGroup(this, "ProxyLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH });

        var backend = new DiscoverableFargateService(this, "Backend", new DiscoverableFargateServiceProps
        {
            Cluster = network.Cluster,
            Name = "backend",
            Container = Images.Web(),
            DesiredCount = 2,
            ServiceConnect = new ServiceConnectOptions
            {
                Namespace = ns,
                Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "backend", Port = 80, PerRequestTimeout = Duration.Seconds(15) }],
                LogDriver = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = proxyLogs, StreamPrefix = "backend-proxy" }),
            },
        });

        var frontend = new DiscoverableFargateService(this, "Frontend", new DiscoverableFargateServiceProps
        {
            Cluster = network.Cluster,
            Name = "frontend",
            Container = Images.Web(),
            ServiceConnect = new ServiceConnectOptions
            {
                Namespace = ns,
                LogDriver = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = proxyLogs, StreamPrefix = "frontend-proxy" }),
            },
        });
        frontend.ConnectTo(backend);

        Acknowledge.EndpointVariables(frontend);
    }
}

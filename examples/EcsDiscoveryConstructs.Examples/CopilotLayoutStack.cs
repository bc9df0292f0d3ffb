using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Logs;
using Constructs;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// What an AWS Copilot application <c>shop</c>, environment <c>test</c>, deploys for two services (docs/migrate-from-copilot.md):
/// the namespace <c>test.shop.local</c>; the Backend Service <c>api</c> with <c>network.connect: true</c> (Service
/// Connect alias <c>api:80</c>) and Copilot's service discovery registration (<c>api.test.shop.local</c>, A and SRV
/// records, TTL 10 s, MULTIVALUE, custom health check), <c>count</c> range 1-10 on 70 % CPU and <c>exec: true</c>;
/// and the service <c>frontend</c>, a Service Connect client that calls <c>http://api</c>.
/// </summary>
public sealed class CopilotLayoutStack : Stack
{
    public CopilotLayoutStack(Construct scope, string id, IStackProps? props = null)
        : base(scope, id, props)
    {
        var (network, _) = AuditedExec.Network(this);

        // Copilot: one private DNS namespace per environment, <env>.<app>.local, used for both kinds of discovery.
        var ns = new PrivateDnsDiscoveryNamespace(this, "Environment", new PrivateDnsDiscoveryNamespaceProps { Name = "test.shop.local", Vpc = network.Vpc });
        var proxyLogs = new LogGroup(this, "ProxyLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH });

        var api = new DiscoverableFargateService(this, "Api", new DiscoverableFargateServiceProps
        {
            Cluster = network.Cluster,
            Name = "api",
            Container = Images.Web(),
            DesiredCount = 1,
            CloudMap = new CloudMapRegistrationOptions
            {
                Namespace = ns,
                DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv,
                DnsTtl = Duration.Seconds(10),
                ContainerName = "app",
                ContainerPort = 80,
            },
            ServiceConnect = new ServiceConnectOptions
            {
                Namespace = ns,
                Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "api", Port = 80 }],
                LogDriver = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = proxyLogs, StreamPrefix = "api-proxy" }),
            },
            DualDiscovery = true,
            MinHealthyPercent = 100,
            Exec = new ExecOptions { EnableInitProcess = true },
        });
        api.AutoScale(new TaskScalingOptions { MinCapacity = 1, MaxCapacity = 10, TargetCpuPercent = 70 });

        var frontend = new DiscoverableFargateService(this, "Frontend", new DiscoverableFargateServiceProps
        {
            Cluster = network.Cluster,
            Name = "frontend",
            Container = Images.Web(),
            DesiredCount = 2,
            ServiceConnect = new ServiceConnectOptions
            {
                Namespace = ns,
                LogDriver = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = proxyLogs, StreamPrefix = "frontend-proxy" }),
            },
            Exec = new ExecOptions { EnableInitProcess = true },
        });
        frontend.ConnectTo(api);

        _ = AuditedExec.Operators(this, network);
        Acknowledge.ExecWildcards(api);
        Acknowledge.ExecWildcards(frontend);
        Acknowledge.EndpointVariables(frontend);
    }
}

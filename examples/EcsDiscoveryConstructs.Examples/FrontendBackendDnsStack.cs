using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Constructs;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// DNS discovery: <c>backend</c> registers A records with custom health in a private DNS namespace; <c>frontend</c>
/// gets <c>BACKEND_ENDPOINT=backend.internal.example.com:80</c> and a security-group rule to reach it.
/// </summary>
public sealed class FrontendBackendDnsStack : Stack
{
    public FrontendBackendDnsStack(Construct scope, string id, IStackProps? props = null)
        : base(scope, id, props)
    {
        var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 1 });
        var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });

        // README service example: begin
        var ns = new PrivateDnsDiscoveryNamespace(this, "Internal", new PrivateDnsDiscoveryNamespaceProps
        {
            Name = "internal.example.com",
            Vpc = vpc,
        });

        var backend = new DiscoverableFargateService(this, "Backend", new DiscoverableFargateServiceProps
        {
            Cluster = cluster,
            Name = "backend",
            Container = new ContainerDefinitionOptions
            {
                Image = ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:1.27"),
                PortMappings = [new PortMapping { Name = "http", ContainerPort = 80, AppProtocol = AppProtocol.Http }],
            },
            DesiredCount = 2,
            CloudMap = new CloudMapRegistration { Namespace = ns }, // A records, 10 s TTL, custom health
        });

        var frontend = new DiscoverableFargateService(this, "Frontend", new DiscoverableFargateServiceProps
        {
            Cluster = cluster,
            Name = "frontend",
            Container = new ContainerDefinitionOptions
            {
                Image = ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:1.27"),
                PortMappings = [new PortMapping { Name = "http", ContainerPort = 80, AppProtocol = AppProtocol.Http }],
            },
        });

        // BACKEND_HOST, BACKEND_PORT, BACKEND_ENDPOINT in frontend; backend's security group opens port 80 to it.
        frontend.ConnectTo(backend);
        // README service example: end

        _ = new CfnOutput(this, "BackendDnsName", new CfnOutputProps { Value = backend.DnsName! });
    }
}

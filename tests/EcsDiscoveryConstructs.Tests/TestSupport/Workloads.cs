using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>A cluster in an imported VPC, a private DNS namespace in that VPC, and container options with named ports.</summary>
internal sealed class Workloads
{
    public Workloads(Stack? stack = null)
    {
        Stack = stack ?? TestApp.CreateStack();
        Vpc = TestApp.ImportedVpc(Stack);
        Cluster = new Cluster(Stack, "Cluster", new ClusterProps { Vpc = Vpc });
        Namespace = new PrivateDnsDiscoveryNamespace(Stack, "Namespace", new PrivateDnsDiscoveryNamespaceProps { Name = "internal.example.com", Vpc = Vpc });
    }

    public Stack Stack { get; }

    public IVpc Vpc { get; }

    public Cluster Cluster { get; }

    public PrivateDnsDiscoveryNamespace Namespace { get; }

    /// <summary>An nginx container with a port mapping named "http" on <paramref name="port"/> (HTTP app protocol unless <paramref name="tcp"/>).</summary>
    public static ContainerDefinitionOptions WebContainer(int port = 8080, bool tcp = false, string? name = "app", Duration? stopTimeout = null) => new()
    {
        ContainerName = name,
        Image = ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:1.27"),
        PortMappings = [new PortMapping { Name = "http", ContainerPort = port, AppProtocol = tcp ? null : AppProtocol.Http }],
        StopTimeout = stopTimeout,
    };

    /// <summary>An nginx container named <paramref name="name"/> (unnamed when null) with exactly <paramref name="ports"/>.</summary>
    public static ContainerDefinitionOptions Container(string? name, params PortMapping[] ports) => new()
    {
        ContainerName = name,
        Image = ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:1.27"),
        PortMappings = ports,
    };

    /// <summary>A service registered with A records in <see cref="Namespace"/>.</summary>
    public DiscoverableFargateService DnsService(string id, string name, CloudMapRegistrationOptions? cloudMap = null)
        => new(Stack, id, new DiscoverableFargateServiceProps
        {
            Cluster = Cluster,
            Name = name,
            Container = WebContainer(),
            CloudMap = cloudMap ?? new CloudMapRegistrationOptions { Namespace = Namespace },
        });

    /// <summary>A Service Connect server in <see cref="Namespace"/> with one endpoint on the "http" port mapping.</summary>
    public DiscoverableFargateService ScService(string id, string name, ServiceConnectEndpoint? endpoint = null, bool dual = false)
        => ScServiceIn(Namespace, id, name, endpoint, dual);

    /// <summary>A Service Connect server in <paramref name="ns"/> with one endpoint on the "http" port mapping.</summary>
    public DiscoverableFargateService ScServiceIn(IDiscoveryNamespace ns, string id, string name, ServiceConnectEndpoint? endpoint = null, bool dual = false)
        => new(Stack, id, new DiscoverableFargateServiceProps
        {
            Cluster = Cluster,
            Name = name,
            Container = WebContainer(),
            ServiceConnect = new ServiceConnectOptions { Namespace = ns, Endpoints = [endpoint ?? new ServiceConnectEndpoint { PortMappingName = "http" }] },
            DualDiscovery = dual,
        });
}

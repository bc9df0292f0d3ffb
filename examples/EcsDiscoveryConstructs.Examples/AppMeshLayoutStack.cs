using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// A typical App Mesh mesh <c>shop</c> moved to ECS Service Connect (docs/migrate-from-app-mesh.md): the virtual
/// services <c>orders.shop.local</c> and <c>catalog.shop.local</c> become client aliases on port 8080 in the namespace
/// <c>shop.local</c>; each virtual node's listener (HTTP on 80, route timeouts 15 s per request and 5 min idle)
/// becomes a Service Connect endpoint with those timeouts; the virtual node <c>frontend</c>, whose backends were the two
/// virtual services, becomes a Service Connect client. With <c>-c privateCaArn=arn:...</c> the endpoints use TLS from
/// that AWS Private CA, as the mesh's TLS client policies did.
/// </summary>
public sealed class AppMeshLayoutStack : Stack
{
    public AppMeshLayoutStack(Construct scope, string id, IStackProps? props = null)
        : base(scope, id, props)
    {
        var network = new ExampleNetwork(this, "Network");
        var ns = new HttpDiscoveryNamespace(this, "Mesh", new HttpDiscoveryNamespaceProps { Name = "shop.local" });
        var proxyLogs = new LogGroup(this, "ProxyLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
        var tls = Tls();

        DiscoverableFargateService Server(string id, string name) => new(this, id, new DiscoverableFargateServiceProps
        {
            Cluster = network.Cluster,
            Name = name,
            Container = Images.Web(),
            DesiredCount = 2,
            ServiceConnect = new ServiceConnectOptions
            {
                Namespace = ns,
                Endpoints =
                [
                    new ServiceConnectEndpoint
                    {
                        PortMappingName = "http",
                        DnsName = $"{name}.shop.local",
                        Port = 8080,
                        PerRequestTimeout = Duration.Seconds(15),
                        IdleTimeout = Duration.Minutes(5),
                        Tls = tls,
                    },
                ],
                LogDriver = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = proxyLogs, StreamPrefix = $"{name}-proxy" }),
                AccessLogs = new ServiceConnectAccessLogs { Json = true },
            },
        });

        var orders = Server("Orders", "orders");
        var catalog = Server("Catalog", "catalog");
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
                AccessLogs = new ServiceConnectAccessLogs { Json = true },
            },
        });
        frontend.ConnectTo(orders);
        frontend.ConnectTo(catalog);
        Acknowledge.EndpointVariables(frontend);
    }

    /// <summary>TLS from the AWS Private CA given as <c>-c privateCaArn=...</c>; none when not given.</summary>
    private ServiceConnectTls? Tls()
    {
        if (Node.TryGetContext("privateCaArn") is not string authority || authority.Length == 0)
        {
            return null;
        }

        var role = new Role(this, "ServiceConnectTls", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs.amazonaws.com"),
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity")],
        });
        Nag.Acknowledge(role, "AwsSolutions-IAM4", "AWS's managed policy for Service Connect TLS: the actions ECS needs on AWS Private CA and Secrets Manager, maintained by AWS.");
        return new ServiceConnectTls { AwsPcaAuthorityArn = authority, Role = role };
    }
}

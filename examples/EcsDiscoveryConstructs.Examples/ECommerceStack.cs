using Amazon.CDK;
using Constructs;
using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// A shop on Fargate in <c>internal.example.com</c>: <c>orders</c> calls <c>inventory</c> (autoscaling 10-100) and
/// <c>payments</c> (Service Connect plus DNS through dual discovery); <c>notifications</c> is found by DNS. DNS TTL
/// 5 s, health checks on <c>/health</c>, ECS Exec with audit logging and an operator role. A discovery canary in the
/// private subnets checks the registry and the DNS answers every 5 minutes and alarms to an encrypted SNS topic.
/// </summary>
public sealed class ECommerceStack : Stack
{
    public ECommerceStack(Construct scope, string id, IStackProps? props = null)
        : base(scope, id, props)
    {
        var (network, audit) = AuditedExec.Network(this);
        var ns = new PrivateDnsDiscoveryNamespace(this, "Internal", new PrivateDnsDiscoveryNamespaceProps
        {
            Name = "internal.example.com",
            Vpc = network.Vpc,
            SoaTtl = Duration.Seconds(15),
        });

        DiscoverableFargateService Service(string id, string name, bool dual = false) => new(this, id, new DiscoverableFargateServiceProps
        {
            Cluster = network.Cluster,
            Name = name,
            Container = Images.Web(),
            DesiredCount = 2,
            CloudMap = new CloudMapRegistrationOptions { Namespace = ns, DnsTtl = Duration.Seconds(5) },
            ServiceConnect = dual ? new ServiceConnectOptions { Namespace = ns, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http" }] } : null,
            DualDiscovery = dual,
            Exec = new ExecOptions { EnableInitProcess = true },
        });

        var orders = Service("Orders", "orders");
        var inventory = Service("Inventory", "inventory");
        var payments = Service("Payments", "payments", dual: true);
        var notifications = Service("Notifications", "notifications");
        inventory.AutoScale(new TaskScalingOptions { MinCapacity = 10, MaxCapacity = 100 });

        orders.ConnectTo(inventory);
        orders.ConnectTo(payments);
        orders.ConnectTo(notifications);

        var operators = AuditedExec.Operators(this, network);

        // README canary example: begin
        // Checks every namespace and service of this stack from inside the VPC every 5 minutes; alarms after 2 bad runs.
        var canary = new DiscoveryCanary(this, "DiscoveryCanary", new DiscoveryCanaryProps
        {
            Vpc = network.Vpc,
            AlarmTopic = AlarmTopics.Encrypted(this, "DiscoveryAlerts"), // optional: an SNS topic CloudWatch can use
        });
        // README canary example: end

        foreach (var service in new[] { orders, inventory, payments, notifications })
        {
            Acknowledge.ExecWildcards(service);
        }

        Acknowledge.EndpointVariables(orders);
        _ = new CfnOutput(this, "ExecOperatorRoleArn", new CfnOutputProps { Value = operators.Role.RoleArn });
        _ = new CfnOutput(this, "ExecLogGroup", new CfnOutputProps { Value = audit.LogGroupName });
        _ = new CfnOutput(this, "DiscoveryCanaryLogGroup", new CfnOutputProps { Value = canary.LogGroup.LogGroupName });
    }
}

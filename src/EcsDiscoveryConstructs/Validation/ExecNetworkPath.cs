using Amazon.CDK.AWS.EC2;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// Synth-time rule for one Exec-enabled service: its tasks reach the <c>ssmmessages</c> endpoint, through a route to
/// the internet (private subnets with egress, or public subnets with a public IP) or an interface endpoint in the VPC.
/// </summary>
internal sealed class ExecNetworkPath : DeputyBase, IValidation
{
    private readonly IConstruct service;
    private readonly IVpc vpc;
    private readonly SubnetSelection? subnets;
    private readonly bool assignPublicIp;

    public ExecNetworkPath(IConstruct service, IVpc vpc, SubnetSelection? subnets, bool assignPublicIp)
    {
        this.service = service;
        this.vpc = vpc;
        this.subnets = subnets;
        this.assignPublicIp = assignPublicIp;
    }

    public static RuleInfo Info { get; } = new(
        "exec-network-path",
        RuleLevel.Error,
        "With Exec on, tasks have a route out (private subnets with egress, or public subnets with a public IP) or the VPC has an ssmmessages interface endpoint.",
        "Exec sessions travel over ssmmessages; without a path to it they fail with TargetNotConnectedException (exec-checker check 19).");

    /// <inheritdoc />
    public string[] Validate()
    {
        var selected = vpc.SelectSubnets(subnets).Subnets;
        var withEgress = vpc.PrivateSubnets.Select(s => s.SubnetId).ToHashSet(StringComparer.Ordinal);
        var publicIds = vpc.PublicSubnets.Select(s => s.SubnetId).ToHashSet(StringComparer.Ordinal);
        var routeOut = selected.Any(s => withEgress.Contains(s.SubnetId) || (assignPublicIp && publicIds.Contains(s.SubnetId)));
        if (routeOut || HasSsmMessagesEndpoint())
        {
            return [];
        }

        return [$"DiscoverableFargateService '{service.Node.Path}': Exec is on, but its tasks' subnets have no route out (isolated subnets, or public subnets without AssignPublicIp) and VPC '{vpc.Node.Path}' has no ssmmessages interface endpoint, so sessions could not connect. Call ExecNetwork.AddSsmMessagesEndpoint(vpc), or run the tasks in subnets with egress. [{Info.QualifiedId}]"];
    }

    private bool HasSsmMessagesEndpoint()
        => service.Node.Root.Node.FindAll().OfType<CfnVPCEndpoint>()
            .Any(e => e.VpcId == vpc.VpcId && e.ServiceName.Contains(".ssmmessages", StringComparison.Ordinal));
}

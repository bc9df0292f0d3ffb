using System.Runtime.CompilerServices;
using Amazon.CDK.AWS.EC2;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// Synth-time rule, one instance per VPC (attached to the VPC's node): every Exec-enabled service in it reaches the
/// <c>ssmmessages</c> endpoint, through a route to the internet (private subnets with egress, or public subnets with
/// a public IP) or an interface endpoint in the VPC. The app is searched for endpoints once per VPC.
/// </summary>
internal sealed class ExecNetworkPath : DeputyBase, IValidation
{
    private static readonly ConditionalWeakTable<IVpc, ExecNetworkPath> ByVpc = [];
    private readonly IVpc vpc;
    private readonly List<(IConstruct Service, SubnetSelection? Subnets, bool AssignPublicIp)> services = [];

    private ExecNetworkPath(IVpc vpc)
    {
        this.vpc = vpc;
        vpc.Node.AddValidation(this);
    }

    public static RuleInfo Info => new(
        "exec-network-path",
        RuleLevel.Error,
        "With Exec on, tasks have a route out (private subnets with egress, or public subnets with a public IP) or the VPC has an ssmmessages interface endpoint.",
        "Exec sessions travel over ssmmessages; without a path to it they fail with TargetNotConnectedException (exec-checker check 19).") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html" };

    /// <summary>Records an Exec-enabled service running in <paramref name="vpc"/>.</summary>
    public static void Track(IVpc vpc, IConstruct service, SubnetSelection? subnets, bool assignPublicIp)
        => ByVpc.GetValue(vpc, v => new ExecNetworkPath(v)).services.Add((service, subnets, assignPublicIp));

    /// <inheritdoc />
    public string[] Validate()
    {
        var withEgress = vpc.PrivateSubnets.Select(s => s.SubnetId).ToHashSet(StringComparer.Ordinal);
        var publicIds = vpc.PublicSubnets.Select(s => s.SubnetId).ToHashSet(StringComparer.Ordinal);
        // Services placed alike share one answer: selecting subnets is a call into the CDK, so it is made once per placement.
        var reachable = new Dictionary<(SubnetSelection?, bool), bool>();
        var cut = services.Where(s =>
        {
            var key = (s.Subnets, s.AssignPublicIp);
            if (!reachable.TryGetValue(key, out var ok))
            {
                var ids = vpc.SelectSubnets(s.Subnets).SubnetIds;
                reachable[key] = ok = ids.Any(id => withEgress.Contains(id) || (s.AssignPublicIp && publicIds.Contains(id)));
            }

            return !ok;
        }).ToList();
        if (cut.Count == 0 || HasSsmMessagesEndpoint())
        {
            return [];
        }

        return cut.Select(s => $"DiscoverableFargateService '{s.Service.Node.Path}': Exec is on, but its tasks' subnets have no route out (isolated subnets, or public subnets without AssignPublicIp) and VPC '{vpc.Node.Path}' has no ssmmessages interface endpoint, so sessions could not connect. Call ExecNetwork.AddSsmMessagesEndpoint(vpc), or run the tasks in subnets with egress. [{Info.QualifiedId}]").ToArray();
    }

    private bool HasSsmMessagesEndpoint()
        => vpc.Node.Root.Node.FindAll().OfType<CfnVPCEndpoint>()
            .Any(e => e.VpcId == vpc.VpcId && e.ServiceName.Contains(".ssmmessages", StringComparison.Ordinal));
}

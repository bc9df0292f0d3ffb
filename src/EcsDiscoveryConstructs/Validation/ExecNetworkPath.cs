using System.Runtime.CompilerServices;
using Amazon.CDK.AWS.EC2;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// The Exec-enabled services of one VPC (one instance per VPC, attached to its node): when the app is synthesized it
/// finds which have no route out and whether the VPC has an ssmmessages endpoint, and the rules of
/// <see cref="RuleCatalog.VpcExecRules"/> judge that. The app is searched for endpoints once per VPC.
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
        // The app is searched for an endpoint only when a service has no route out.
        var facts = new VpcExecServices(vpc.Node.Path, [.. cut.Select(s => s.Service.Node.Path)], cut.Count > 0 && HasSsmMessagesEndpoint());
        return AppRules.Errors(facts, RuleCatalog.VpcExecRules).ToArray();
    }

    private bool HasSsmMessagesEndpoint()
        => vpc.Node.Root.Node.FindAll().OfType<CfnVPCEndpoint>()
            .Any(e => e.VpcId == vpc.VpcId && e.ServiceName.Contains(".ssmmessages", StringComparison.Ordinal));
}

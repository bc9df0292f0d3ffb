using Amazon.CDK.AWS.EC2;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>Comparing VPCs without guessing: only what is known at synth counts as different.</summary>
internal static class Vpcs
{
    /// <summary>True only when the VPCs are known to differ: two concrete ids, or two VPCs created in this app.</summary>
    public static bool Differ(IVpc a, IVpc b)
    {
        if (ReferenceEquals(a, b) || a.VpcId == b.VpcId)
        {
            return false;
        }

        var bothConcrete = TokenGuard.IsConcrete(a.VpcId) && TokenGuard.IsConcrete(b.VpcId);
        return bothConcrete || (a is Vpc && b is Vpc);
    }

    /// <summary>The VPC as messages name it: its id when concrete, else its construct path.</summary>
    public static string Describe(IVpc vpc) => TokenGuard.IsConcrete(vpc.VpcId) ? vpc.VpcId : vpc.Node.Path;
}

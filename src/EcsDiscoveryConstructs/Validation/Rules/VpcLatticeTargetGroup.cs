using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A VPC Lattice target is a Lattice target group ARN, each group once.</summary>
/// <remarks>
/// https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_TargetGroupSummary.html: arn Pattern
/// <c>arn:[a-z0-9\-]+:vpc-lattice:[a-zA-Z0-9\-]+:\d{12}:targetgroup/tg-[0-9a-z]{17}</c>, length 20-2048.
/// </remarks>
internal sealed partial class VpcLatticeTargetGroup : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "vpc-lattice-target-group",
        RuleLevel.Error,
        "Each VpcLattice target's TargetGroupArn is a VPC Lattice target group ARN (not an Elastic Load Balancing one), each target group once.",
        "ECS registers tasks only in VPC Lattice target groups; an ELB target group ARN or a repeated group fails CreateService after the deployment started.") { Reference = "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_TargetGroupSummary.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var targets = (subject.Props.VpcLattice?.Targets ?? []).Select((t, i) => (t, i)).Where(e => e.t is not null).ToList();
        foreach (var (target, i) in targets.Where(e => TokenGuard.IsConcrete(e.t.TargetGroupArn) && !(e.t.TargetGroupArn.Length is >= 20 and <= 2048 && Arn().IsMatch(e.t.TargetGroupArn))))
        {
            yield return new Violation($"VpcLattice.Targets[{i}].TargetGroupArn '{target.TargetGroupArn}'", "is not a VPC Lattice target group ARN (arn:PARTITION:vpc-lattice:REGION:ACCOUNT:targetgroup/tg-...)", "Pass a Lattice target group's ARN, e.g. new CfnTargetGroup(...).AttrArn.");
        }

        if (targets.Where(e => TokenGuard.IsConcrete(e.t.TargetGroupArn)).GroupBy(e => e.t.TargetGroupArn).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            yield return new Violation($"VpcLattice.Targets TargetGroupArn '{twice.Key}'", $"is given {twice.Count()} times", "Register the service in each target group once.");
        }
    }

    [GeneratedRegex(@"^arn:[a-z0-9\-]+:vpc-lattice:[a-zA-Z0-9\-]+:\d{12}:targetgroup/tg-[0-9a-z]{17}$")]
    private static partial Regex Arn();
}

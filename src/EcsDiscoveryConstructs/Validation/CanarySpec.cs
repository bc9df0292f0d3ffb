using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;
using EcsDiscoveryConstructs.Canary;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>A canary's props with what the rules derive from them: the stacks involved and the subnets selected.</summary>
internal sealed class CanarySpec
{
    public CanarySpec(DiscoveryCanaryProps props, Stack stack, IConstruct checkedScope, SubnetSelection subnets)
    {
        Props = props;
        Stack = stack;
        CheckedScope = checkedScope;
        CheckedStack = Stack.Of(checkedScope);
        try
        {
            SubnetIds = props.Vpc.SelectSubnets(subnets).SubnetIds;
        }
        catch (Exception e) when (e is not DiscoveryValidationException)
        {
            SubnetProblem = e.Message;
        }

        PublicSubnetIds = props.Vpc.PublicSubnets.Select(s => s.SubnetId).ToHashSet(StringComparer.Ordinal);
        IsolatedSubnetIds = props.Vpc.IsolatedSubnets.Select(s => s.SubnetId).ToHashSet(StringComparer.Ordinal);
        VpcSubnetIds = PublicSubnetIds.Concat(IsolatedSubnetIds).Concat(props.Vpc.PrivateSubnets.Select(s => s.SubnetId)).ToHashSet(StringComparer.Ordinal);
    }

    public DiscoveryCanaryProps Props { get; }

    public Stack Stack { get; }

    public IConstruct CheckedScope { get; }

    public Stack CheckedStack { get; }

    /// <summary>The selected subnets, or null when the selection fails (see <see cref="SubnetProblem"/>).</summary>
    public string[]? SubnetIds { get; }

    public string? SubnetProblem { get; }

    public IReadOnlySet<string> PublicSubnetIds { get; }

    public IReadOnlySet<string> IsolatedSubnetIds { get; }

    /// <summary>Every subnet the VPC knows of (empty for an import that lists none).</summary>
    public IReadOnlySet<string> VpcSubnetIds { get; }

    /// <summary>The timeout when none is given: 60 seconds, or 50 with a 1-minute schedule, so a run ends before the next starts.</summary>
    public static Duration DefaultTimeout(double? scheduleMinutes) => Duration.Seconds(scheduleMinutes == 1 ? 50 : 60);

    /// <summary>The schedule in minutes, when it is a valid one (the schedule rule reports the others).</summary>
    public double? ScheduleMinutes => (Props.Schedule is { } s ? TokenGuard.MillisecondsOf(s) / 60_000 : 5) is { } m && m % 1 == 0 && m is >= 1 and <= 1440 ? m : null;
}

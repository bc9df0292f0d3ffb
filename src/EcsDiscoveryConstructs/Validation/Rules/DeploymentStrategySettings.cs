using System.Globalization;
using Amazon.CDK;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Bake times and traffic percents ECS accepts for blue/green, linear and canary deployments.</summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html: stepPercent "multiples of
/// 0.1 from 3.0 to 100.0", stepBakeTimeInMinutes "0 to 1440"; API_CanaryConfiguration.html: canaryPercent "multiples of
/// 0.1 from 0.1 to 100.0", canaryBakeTimeInMinutes "0 to 1440"; the CloudFormation resource specification gives
/// bakeTimeInMinutes the same 0-1440 range. All three times are integers (whole minutes).
/// </remarks>
internal sealed class DeploymentStrategySettings : IPropsRule<FargateServiceSpec>
{
    /// <summary>The longest bake ECS accepts: 1,440 minutes (24 hours).</summary>
    public const int MaxMinutes = 1440;

    public RuleInfo Info => new(
        "deployment-strategy-settings",
        RuleLevel.Error,
        "DeploymentStrategy bake times are whole minutes from 0 to 1440; a linear step is a multiple of 0.1 from 3.0 to 100.0 percent, a canary share a multiple of 0.1 from 0.1 to 100.0 percent.",
        "ECS's LinearConfiguration and CanaryConfiguration take these ranges and the deployment configuration's bake time is an integer number of minutes; CloudFormation fails the stack update otherwise.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Props.DeploymentStrategy is not { } strategy)
        {
            yield break;
        }

        var stepName = strategy.Kind == DeploymentStrategyKind.Canary ? "canaryBakeTime" : "stepBakeTime";
        foreach (var (name, time) in new[] { ("bakeTime", strategy.BakeTime), (stepName, strategy.StepBakeTime) })
        {
            if (time is not null && Minutes(time) is { } minutes && minutes is not (>= 0 and <= MaxMinutes))
            {
                yield return new Violation(
                    $"DeploymentStrategy {name} {TokenGuard.Describe(time)}",
                    $"is out of range: use a whole number of minutes from 0 to {MaxMinutes}",
                    "Use Duration.Minutes(n), e.g. Duration.Minutes(10).");
            }
        }

        if (strategy.Percent is not { } percent || !TokenGuard.IsConcrete(percent))
        {
            yield break;
        }

        var (least, name2) = strategy.Kind == DeploymentStrategyKind.Linear ? (3.0, "stepPercent") : (0.1, "canaryPercent");
        // Compared in decimal (15 significant digits, as the value was written): 12.5 and 0.1 are on the grid, 10.05
        // and 10.000000001 are not.
        if (!double.IsFinite(percent) || percent < least || percent > 100 || ((decimal)percent * 10) % 1 != 0)
        {
            yield return new Violation(
                $"DeploymentStrategy {name2} {percent.ToString("0.######", CultureInfo.InvariantCulture)}",
                $"is invalid: use a multiple of 0.1 from {least.ToString("0.0", CultureInfo.InvariantCulture)} to 100.0",
                strategy.Kind == DeploymentStrategyKind.Linear ? "Use e.g. 10.0 (ECS's default) or 25.0." : "Use e.g. 5.0 (ECS's default) or 10.0.");
        }
    }

    /// <summary>The duration in whole minutes, -1 when it is not a whole number of minutes, null for a token.</summary>
    private static double? Minutes(Duration time)
        => TokenGuard.MillisecondsOf(time) is not { } millis ? null : millis % 60_000 == 0 ? millis / 60_000 : -1;
}

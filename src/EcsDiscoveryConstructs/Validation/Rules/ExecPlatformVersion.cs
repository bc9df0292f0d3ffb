using Amazon.CDK.AWS.ECS;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Exec needs Fargate platform version 1.4.0 or later.</summary>
internal sealed class ExecPlatformVersion : IPropsRule<FargateServiceSpec>
{
    private static readonly FargatePlatformVersion[] TooOld =
    [
        FargatePlatformVersion.VERSION1_0, FargatePlatformVersion.VERSION1_1, FargatePlatformVersion.VERSION1_2, FargatePlatformVersion.VERSION1_3,
    ];

    public RuleInfo Info => new(
        "exec-platform-version",
        RuleLevel.Error,
        "With Exec on, the Fargate platform version is 1.4.0 or LATEST.",
        "ECS Exec is supported on Linux Fargate tasks from platform version 1.4.0 (exec-checker check 13).") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Exec is not null && subject.Props.PlatformVersion is { } version && TooOld.Contains(version))
        {
            yield return new Violation(
                $"PlatformVersion {version}",
                "does not support ECS Exec: Linux Fargate tasks need platform version 1.4.0 or later",
                "Use FargatePlatformVersion.LATEST or VERSION1_4.");
        }
    }
}

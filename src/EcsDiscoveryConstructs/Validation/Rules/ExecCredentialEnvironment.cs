namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Static AWS credentials in a container override the task role Exec relies on.</summary>
internal sealed class ExecCredentialEnvironment : IPropsRule<FargateServiceSpec>
{
    private static readonly string[] CredentialNames = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY"];

    public RuleInfo Info => new(
        "exec-credential-environment",
        RuleLevel.Error,
        "With Exec on, no container gets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or AWS_ACCESS_KEY as an environment variable or secret.",
        "The SSM agent then uses those credentials instead of the task role and sessions fail with TargetNotConnectedException (exec-checker check 20).") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Exec is null)
        {
            yield break;
        }

        foreach (var container in subject.Plan.Task.Containers)
        {
            var found = container.EnvironmentNames.Intersect(CredentialNames, StringComparer.Ordinal).ToList();
            if (found.Count > 0)
            {
                yield return new Violation(
                    $"Container '{container.Name}' environment {string.Join(", ", found)}",
                    "overrides the task role: the SSM agent would sign with these credentials and Exec sessions fail (TargetNotConnectedException)",
                    "Remove the variables and grant the container's AWS access through the task role.");
            }
        }
    }
}

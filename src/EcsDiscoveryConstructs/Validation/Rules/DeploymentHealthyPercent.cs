namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Deployment percentages ECS accepts, and that let a rolling deployment move at every task count the service can have.</summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html: the lower limit is
/// minimumHealthyPercent of the desired count "rounded up to the nearest integer", the upper limit maximumPercent of it
/// "rounded down to the nearest integer". When the upper limit is the desired count and so is the lower one, ECS can
/// neither start a new task nor stop an old one.
/// </remarks>
internal sealed class DeploymentHealthyPercent : IPropsRule<FargateServiceSpec>
{
    /// <summary>Scaling ranges up to this many tasks are checked count by count (ECS runs at most 5,000 tasks per service).</summary>
    private const int MostCountsChecked = 5000;

    public RuleInfo Info => new(
        "deployment-healthy-percent",
        RuleLevel.Error,
        "MinHealthyPercent is 0-100, MaxHealthyPercent at least 100 and above MinHealthyPercent, and after ECS's rounding (minimum up, maximum down) they let a deployment start or stop a task at the desired count and every count scaling can reach.",
        "ECS DeploymentConfiguration: minimumHealthyPercent cannot exceed 100, and with maximumPercent not above it, or with both rounding to the desired count, a rolling deployment can neither stop an old task nor start a new one and stalls.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var (min, max) = (subject.Props.MinHealthyPercent, subject.Props.MaxHealthyPercent);
        if (min is < 0 or > 100)
        {
            yield return new Violation($"MinHealthyPercent {min}", "is out of range: use 0-100", "Use e.g. 100 (the default) or 50.");
        }

        if (max < 100 || max <= min)
        {
            yield return new Violation($"MaxHealthyPercent {max}", $"is invalid with MinHealthyPercent {min}: use at least 100 and more than MinHealthyPercent", "Use e.g. 200 (the default).");
        }
        else if (min is >= 0 and <= 100 && Counts(subject.Props).FirstOrDefault(n => Stalls(n, min, max)) is var tasks and > 0)
        {
            var neededMax = (int)Math.Ceiling(100.0 * (tasks + 1) / tasks);
            var neededMin = (int)Math.Floor(100.0 * (tasks - 1) / tasks);
            yield return new Violation(
                $"MinHealthyPercent {min} and MaxHealthyPercent {max}",
                $"let a deployment of {tasks} task{(tasks == 1 ? string.Empty : "s")} neither start a new one ({max} % rounds down to {tasks}) nor stop an old one ({min} % rounds up to {tasks}): every deployment would stall",
                $"Raise MaxHealthyPercent to at least {neededMax} or lower MinHealthyPercent to at most {neededMin}.");
        }
    }

    /// <summary>The task counts a deployment can start from: the desired count, and every count scaling can reach.</summary>
    private static IEnumerable<int> Counts(Services.DiscoverableFargateServiceProps props)
    {
        yield return props.DesiredCount;
        if (props.Scaling is { } scaling && scaling.MinCapacity >= 0 && scaling.MaxCapacity <= MostCountsChecked)
        {
            for (var n = scaling.MinCapacity; n <= scaling.MaxCapacity; n++)
            {
                yield return n;
            }
        }
    }

    /// <summary>True when, at <paramref name="tasks"/> tasks, ECS may neither run one more nor one fewer.</summary>
    private static bool Stalls(int tasks, int min, int max)
        => tasks > 0 && (long)tasks * max / 100 <= tasks && ((long)tasks * min + 99) / 100 >= tasks;
}

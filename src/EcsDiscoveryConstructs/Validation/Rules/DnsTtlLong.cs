namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Warns when resolvers may keep a stopped task's address after the task is gone.</summary>
internal sealed class DnsTtlLong : IPropsRule<DiscoveryServiceSpec>
{
    /// <summary>
    /// Longest TTL without a warning: 30 s, ECS's default stop timeout. ECS deregisters a task from Cloud Map when it
    /// starts stopping it and kills it at most the stop timeout later; a longer TTL lets clients keep the address of
    /// a task that no longer exists.
    /// </summary>
    public const int ThresholdSeconds = 30;

    public RuleInfo Info { get; } = new(
        "dns-ttl-long",
        RuleLevel.Warning,
        $"DnsTtl above {ThresholdSeconds} s (ECS's default stop timeout).",
        "Clients cache answers for the TTL; after a deployment or scale-in they keep sending traffic to stopped tasks (containers-roadmap #343, copilot-cli #1173).");

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.UsesDns && !subject.LoadBalancer && TtlChecks.Seconds(subject.DnsTtl) is { } seconds && seconds > ThresholdSeconds)
        {
            yield return new Violation(
                $"DnsTtl {seconds} s",
                $"is longer than ECS's default {ThresholdSeconds} s stop timeout: clients can keep a stopped task's address for up to {seconds} s after the task is gone",
                $"Use {ThresholdSeconds} s or less (10 s is the library default), or acknowledge this warning.");
        }
    }
}

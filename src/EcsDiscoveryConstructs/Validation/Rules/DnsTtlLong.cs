using EcsDiscoveryConstructs.CloudMap;

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

    public RuleInfo Info => new(
        "dns-ttl-long",
        RuleLevel.Warning,
        $"DnsTtl ({DiscoveryService.DefaultDnsTtlSeconds} s when not set) above the registering ECS service's longest container stop timeout, or above {ThresholdSeconds} s (ECS's default stop timeout) when no ECS service is known.",
        "Clients cache answers for the TTL; after a deployment or scale-in they keep sending traffic to stopped tasks (containers-roadmap #343, copilot-cli #1173).") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_DnsRecord.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        var threshold = subject.TaskStopTimeoutSeconds ?? ThresholdSeconds;
        // The effective TTL: a service created without DnsTtl answers with the library default.
        if (subject.UsesDns && !subject.LoadBalancer && TtlChecks.Seconds(subject.DnsTtl ?? DiscoveryService.DefaultDnsTtl) is { } seconds && seconds > threshold)
        {
            var limit = subject.TaskStopTimeoutSeconds is null
                ? $"ECS's default {ThresholdSeconds} s stop timeout"
                : $"the {threshold} s the service's tasks stay reachable while stopping (their longest stop timeout)";
            var (label, set) = subject.DnsTtl is null ? ($"DnsTtl {seconds} s (the library default: DnsTtl is not set)", "Set DnsTtl to") : ($"DnsTtl {seconds} s", "Use");
            yield return new Violation(
                label,
                $"is longer than {limit}: clients can keep a stopped task's address for up to {seconds} s after the task is gone",
                $"{set} {threshold} s or less, raise the containers' StopTimeout (Fargate allows up to 120 s), or acknowledge this warning.");
        }
    }
}

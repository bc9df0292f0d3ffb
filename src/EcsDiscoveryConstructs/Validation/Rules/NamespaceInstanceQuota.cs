namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The instances that may register in one namespace stay within Cloud Map's default quota.</summary>
internal sealed class NamespaceInstanceQuota : IAppRule<NamespaceContents>
{
    /// <summary>Cloud Map instances per namespace (default quota, adjustable).</summary>
    public const int InstanceQuota = 2000;

    public RuleInfo Info => new(
        "namespace-instance-quota",
        RuleLevel.Warning,
        "More than 2,000 instances (tasks at their maximum) could register in one namespace.",
        "Cloud Map allows 2,000 instances per namespace by default; registrations beyond it fail until the quota is raised (DNS namespaces also need more Route 53 records per hosted zone).") { Reference = "https://docs.aws.amazon.com/general/latest/gr/cloud_map.html" };

    public IEnumerable<AppFinding> Check(NamespaceContents subject)
    {
        var total = subject.MaxInstances.Values.Sum();
        if (total > InstanceQuota)
        {
            var owners = string.Join(", ", subject.MaxInstances.Select(e => $"'{e.Key}' {e.Value}"));
            yield return new AppFinding(
                $"Namespace '{subject.Label}'",
                new Violation(
                    $"up to {total} instances",
                    $"could register ({owners}), more than the default quota of {InstanceQuota} instances per namespace",
                    "Request a higher quota (and, for DNS namespaces, more Route 53 records per hosted zone), or spread services over namespaces."));
        }
    }
}

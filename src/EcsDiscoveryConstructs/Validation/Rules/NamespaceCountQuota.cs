namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The namespaces one app creates stay within Cloud Map's default quota per Region.</summary>
internal sealed class NamespaceCountQuota : IAppRule<AppNamespaces>
{
    /// <summary>Cloud Map namespaces per Region (default quota, adjustable).</summary>
    public const int NamespaceQuota = 50;

    public RuleInfo Info => new(
        "namespace-count-quota",
        RuleLevel.Warning,
        "More than 50 namespaces declared in one app.",
        "Cloud Map allows 50 namespaces per Region by default (each DNS namespace is also a Route 53 hosted zone); creating more fails until the quota is raised.") { Reference = "https://docs.aws.amazon.com/general/latest/gr/cloud_map.html" };

    public IEnumerable<AppFinding> Check(AppNamespaces subject)
    {
        // Said once, on the first namespace over the quota.
        if (subject.Count == NamespaceQuota + 1)
        {
            yield return new AppFinding(
                $"Namespace '{subject.LatestPath}'",
                new Violation($"namespace number {subject.Count} of this app", $"is more than the default quota of {NamespaceQuota} Cloud Map namespaces per Region", "Request a higher quota, or share namespaces between services."));
        }
    }
}

namespace EcsDiscoveryConstructs.Verifier.Checks;

/// <summary>One verifier check: its stable id (the <c>check</c> of every result), how a finding counts, and what it checks.</summary>
/// <param name="Id">The id, e.g. <c>instance-count</c>.</param>
/// <param name="Level">How a finding counts.</param>
/// <param name="Summary">One line: what passes.</param>
/// <param name="Source">Where the expectation comes from.</param>
internal sealed record CheckInfo(string Id, CheckLevel Level, string Summary, string Source);

/// <summary>How a check's finding counts.</summary>
internal enum CheckLevel
{
    /// <summary>A finding fails the run (<c>fail</c> in the docs).</summary>
    Fail,

    /// <summary>A finding is a warning, a failure with <c>--strict</c> (<c>warn</c> in the docs).</summary>
    Warn,
}

/// <summary>Every check <c>verify</c> makes, in the order it makes them; docs/verifier-checks.md is generated from it.</summary>
internal static class CheckCatalog
{
    /// <summary>The namespace exists with the declared type.</summary>
    public static CheckInfo NamespaceExists { get; } = new("namespace-exists", CheckLevel.Fail, "The namespace exists with its declared type (DNS_PRIVATE, DNS_PUBLIC or HTTP); among several with its name, the one holding the most declared services is checked.", "AWS::ServiceDiscovery::*Namespace in the template");

    /// <summary>The SOA TTL is the declared one.</summary>
    public static CheckInfo SoaTtl { get; } = new("soa-ttl", CheckLevel.Fail, "A DNS namespace's SOA TTL (negative caching) is the declared one.", "Properties.DnsProperties.SOA.TTL");

    /// <summary>The namespace is the one CloudFormation created.</summary>
    public static CheckInfo NamespaceId { get; } = new("namespace-id", CheckLevel.Fail, "With the deployed stack readable (verify reading CloudFormation, the canary): the namespace is the one CloudFormation created, not one of its name created outside it after a deletion; among several with its name, that one is checked.", "the namespace's physical id in the deployed stack (ListStackResources)");

    /// <summary>The service is the one CloudFormation created.</summary>
    public static CheckInfo ServiceId { get; } = new("service-id", CheckLevel.Fail, "With the deployed stack readable (verify reading CloudFormation, the canary): the service is the one CloudFormation created, not one of its name created outside it.", "the service's physical id in the deployed stack (ListStackResources)");

    /// <summary>No undeclared services in a namespace.</summary>
    public static CheckInfo UnknownServices { get; } = new("unknown-services", CheckLevel.Warn, "The namespace holds no service the assembly does not declare.", "every Cloud Map service and Service Connect endpoint of the stacks");

    /// <summary>The service exists.</summary>
    public static CheckInfo ServiceExists { get; } = new("service-exists", CheckLevel.Fail, "The service exists in its namespace (Service Connect services exist once their ECS service has started).", "AWS::ServiceDiscovery::Service, ServiceConnectConfiguration");

    /// <summary>The DNS records are the declared ones.</summary>
    public static CheckInfo DnsRecords { get; } = new("dns-records", CheckLevel.Fail, "The service's DNS record types and TTLs are the declared ones.", "DnsConfig.DnsRecords");

    /// <summary>The routing policy is the declared one.</summary>
    public static CheckInfo RoutingPolicy { get; } = new("routing-policy", CheckLevel.Fail, "The service's routing policy is the declared one.", "DnsConfig.RoutingPolicy");

    /// <summary>The health check kind is the declared one.</summary>
    public static CheckInfo HealthCheck { get; } = new("health-check", CheckLevel.Fail, "The service's health check kind (custom, Route 53 or none) is the declared one.", "HealthCheckCustomConfig, HealthCheckConfig");

    /// <summary>The instance count is in range.</summary>
    public static CheckInfo InstanceCount { get; } = new("instance-count", CheckLevel.Fail, "The number of instances is within what the registering ECS services run (desired count or autoscaling range), or the template's own instances; with ECS readable (ecs:DescribeServices), while a registering service deploys, what its deployment limits allow (desired x minimumHealthyPercent rounded up to desired x maximumPercent rounded down), and a FAILED or rolled-back deployment fails naming it.", "DesiredCount, ScalableTarget Min/MaxCapacity, AWS::ServiceDiscovery::Instance; ECS DescribeServices deployments and DeploymentConfiguration");

    /// <summary>Instances carry the attributes their records need.</summary>
    public static CheckInfo InstanceAttributes { get; } = new("instance-attributes", CheckLevel.Fail, "Every instance carries the attributes its records need (AWS_INSTANCE_IPV4 for A, AWS_INSTANCE_PORT for SRV, or an alias).", "Cloud Map RegisterInstance");

    /// <summary>Template instances are live as declared.</summary>
    public static CheckInfo DeclaredInstances { get; } = new("declared-instances", CheckLevel.Fail, "Instances the template registers itself are live with their id and every attribute the template knows.", "AWS::ServiceDiscovery::Instance");

    /// <summary>No instances of other ECS services.</summary>
    public static CheckInfo UnknownInstances { get; } = new("unknown-instances", CheckLevel.Warn, "No instance was registered by an ECS service the assembly does not name (ECS_SERVICE_NAME).", "AWS::ECS::Service ServiceName");

    /// <summary>DiscoverInstances agrees with ListInstances.</summary>
    public static CheckInfo DiscoverInstances { get; } = new("discover-instances", CheckLevel.Fail, "DiscoverInstances, the API clients use, returns exactly the registered instances.", "Cloud Map DiscoverInstances");

    /// <summary>Every instance is healthy.</summary>
    public static CheckInfo InstanceHealth { get; } = new("instance-health", CheckLevel.Fail, "Every instance of a service with a health check is HEALTHY (the others are named).", "Cloud Map health status");

    /// <summary>The service-level attributes are the declared ones.</summary>
    public static CheckInfo ServiceAttributes { get; } = new("service-attributes", CheckLevel.Fail, "Every service-level attribute the template declares is live with its value (values CloudFormation resolves at deploy: present); attributes added outside the template are allowed. Skipped when GetServiceAttributes is refused or not implemented (moto).", "AWS::ServiceDiscovery::Service ServiceAttributes; Cloud Map GetServiceAttributes");

    /// <summary>The registering ECS services exist and are ACTIVE.</summary>
    public static CheckInfo EcsService { get; } = new("ecs-service", CheckLevel.Fail, "With ECS readable: every ECS service the template registers into the service exists in its cluster and is ACTIVE (a missing cluster, a MISSING or DRAINING service fails); names CloudFormation generates are read from the deployed stack.", "AWS::ECS::Service Cluster and ServiceName, or the deployed stack's physical ids; ECS DescribeServices");

    /// <summary>The deployed ECS services register as the template says.</summary>
    public static CheckInfo EcsDiscoveryConfig { get; } = new("ecs-discovery-config", CheckLevel.Fail, "With ECS readable: each registering ECS service is deployed with the template's discovery: this Cloud Map service among its serviceRegistries (once the deployed stack gives its id), Service Connect on or off, enableExecuteCommand as declared.", "AWS::ECS::Service ServiceRegistries, ServiceConnectConfiguration, EnableExecuteCommand; ECS DescribeServices");

    /// <summary>No registration outlives its task.</summary>
    public static CheckInfo StaleInstances { get; } = new("stale-instances", CheckLevel.Fail, "With ECS readable: every instance ECS registered (its id is the task id, ECS_CLUSTER_NAME names the cluster) is a task ECS runs; a task that STOPPED, one ECS does not know, or a cluster that is gone is a dead address clients still resolve, named with ECS's reason.", "ECS DescribeTasks");

    /// <summary>The namespace's SOA is visible to the resolver.</summary>
    public static CheckInfo DnsNamespace { get; } = new("dns-namespace", CheckLevel.Fail, "--dns: the namespace's SOA is visible through the resolver; a private namespace that is not visible from here (NXDOMAIN, REFUSED, no SOA) skips its DNS checks with the reason; a resolver that times out or answers SERVFAIL fails.", "Route 53 hosted zones (docs/dns-facts.md)");

    /// <summary>Answers are healthy registered instances.</summary>
    public static CheckInfo DnsAnswers { get; } = new("dns-answers", CheckLevel.Fail, "--dns: every answered address, SRV target or CNAME belongs to a healthy registered instance (any, when none is healthy); a name with instances answers; SERVFAIL, REFUSED and timeouts fail.", "docs/dns-facts.md");

    /// <summary>The answer size fits the routing policy.</summary>
    public static CheckInfo DnsAnswerCount { get; } = new("dns-answer-count", CheckLevel.Fail, "--dns: MULTIVALUE answers with up to eight records (all when eight or fewer), WEIGHTED with one.", "docs/dns-facts.md");

    /// <summary>Answer TTLs are within the declared TTL.</summary>
    public static CheckInfo DnsTtl { get; } = new("dns-ttl", CheckLevel.Fail, "--dns: no answer's TTL is above the service's declared TTL.", "docs/dns-facts.md");

    /// <summary>SRV ports and targets match.</summary>
    public static CheckInfo DnsSrv { get; } = new("dns-srv", CheckLevel.Fail, "--dns: every SRV answer carries its instance's port and a target that resolves to the instance's address.", "docs/dns-facts.md");

    /// <summary>A missing service does not resolve.</summary>
    public static CheckInfo DnsAbsent { get; } = new("dns-absent", CheckLevel.Fail, "--dns: a declared service that is not in the registry does not resolve (no stale records).", "docs/dns-facts.md");

    /// <summary>Every check, in the order <c>verify</c> makes them.</summary>
    public static IReadOnlyList<CheckInfo> All { get; } =
    [
        NamespaceExists, NamespaceId, SoaTtl, UnknownServices, ServiceExists, ServiceId, DnsRecords, RoutingPolicy, HealthCheck, InstanceCount,
        InstanceAttributes, DeclaredInstances, UnknownInstances, DiscoverInstances, InstanceHealth, ServiceAttributes, EcsService, EcsDiscoveryConfig, StaleInstances,
        DnsNamespace, DnsAnswers, DnsAnswerCount, DnsTtl, DnsSrv, DnsAbsent,
    ];

    /// <summary>docs/verifier-checks.md: a table of every check of <c>verify</c>, then of <c>exec-check</c>.</summary>
    public static string Markdown()
    {
        var text = new System.Text.StringBuilder(Markdown(All));
        text.Append("\n## `exec-check`\n\n");
        text.Append("`ecs-discovery exec-check --cluster C (--service S | --task T)` checks that ECS Exec works now, as\n");
        text.Append("amazon-ecs-exec-checker does where an API can answer (exit 0 ready, 1 not ready, 2 could not check; a KMS, Logs or\n");
        text.Append("IAM or EC2 read that is refused skips its check with the reason). Not checked: whether a task in a subnet routed\n");
        text.Append("to an internet gateway has a public IP, whether the S3 log bucket's policy takes the task role's writes, tag\n");
        text.Append("conditions of the operator role, the caller's own identity and the Session Manager plugin.\n\n");
        Rows(text, Exec.ExecCheckCatalog.All);
        return text.ToString();
    }

    /// <summary>The checks page for <paramref name="checks"/>.</summary>
    internal static string Markdown(IEnumerable<CheckInfo> checks)
    {
        var text = new System.Text.StringBuilder("# Verifier checks\n\n");
        text.Append("Every check `ecs-discovery verify` makes (the `check` of each result), generated from `CheckCatalog`; the test\n");
        text.Append("`CheckCatalogTests` keeps this file current. Each check is one small class (`Checks/Registry/*`, `Dns/DnsChecks.cs`)\n");
        text.Append("judging facts gathered once; `CheckUnitTests` gives each a passing and a reported case. `fail`: a finding fails\n");
        text.Append("the run (exit 1); `warn`: a warning, a failure with `--strict`. The `dns-*` checks run with `--dns`; the `ecs-*` and\n");
        text.Append("`stale-instances` checks when ECS is readable (not with `--no-ecs`).\n\n");
        Rows(text, checks);
        return text.ToString();
    }

    private static void Rows(System.Text.StringBuilder text, IEnumerable<CheckInfo> checks)
    {
        text.Append("| Check | Level | Passes when | From |\n|---|---|---|---|\n");
        foreach (var check in checks)
        {
            text.Append($"| `{check.Id}` | {check.Level.ToString().ToLowerInvariant()} | {check.Summary.Replace("|", "\\|", StringComparison.Ordinal)} | {check.Source} |\n");
        }
    }
}

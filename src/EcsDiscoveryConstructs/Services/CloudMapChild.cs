using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Services;

/// <summary>
/// The Cloud Map service a <see cref="DiscoverableFargateService"/> creates for its registration: its props, and the
/// discovery-service rules' findings on them placed under the parent's props (<c>CloudMap.DnsTtl</c>, not the child's
/// <c>DnsTtl</c>), so they are reported in the parent's one exception.
/// </summary>
internal static class CloudMapChild
{
    /// <summary>The discovery-service rules whose finding is about the service's Name.</summary>
    private static readonly HashSet<string> NameRules = [new Validation.Rules.ServiceName().Info.Id, new Validation.Rules.ServiceDnsNameLength().Info.Id];

    /// <summary>The props of the Cloud Map service to create, or null when the registration creates none.</summary>
    public static DiscoveryServiceProps? Props(DiscoveryPlan plan)
    {
        if (!plan.CreatesCloudMapService)
        {
            return null;
        }

        var registration = plan.CloudMap!;
        var ns = plan.CloudMapNamespace!;

        return new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = plan.CloudMapName!,
            // As the user wrote them: the service applies the default the plan also assumes (A, none in an HTTP namespace).
            DnsRecords = registration.DnsRecords,
            DnsTtl = registration.DnsTtl,
            RoutingPolicy = registration.RoutingPolicy,
            CustomHealthCheck = registration.CustomHealthCheck ? new CustomHealthCheckOptions() : null,
            TaskStopTimeoutSeconds = plan.Task.StopTimeoutSeconds,
            ServiceAttributes = registration.ServiceAttributes,
        };
    }

    /// <summary>The discovery-service rules' findings on the service to create, placed where the parent's user wrote them.</summary>
    public static IEnumerable<Finding> Findings(DiscoverableFargateServiceProps props, DiscoveryPlan plan)
    {
        if (Props(plan) is not { } child)
        {
            return [];
        }

        // DualDiscovery derives the whole registration; otherwise the user wrote CloudMap, and maybe CloudMap.Name. A
        // name not written there is the ECS service's own Name, which the user wrote at the top.
        var under = props.CloudMap is null ? "DualDiscovery's Cloud Map service " : "CloudMap.";
        var nameDerived = plan.CloudMap!.Name is null;
        return RuleRunner.Findings(DiscoveryService.Spec(child), RuleCatalog.DiscoveryServiceRules)
            .Select(f => f with
            {
                Violation = nameDerived && NameRules.Contains(f.Rule.Id)
                    ? f.Violation with { Note = "Name is also the Cloud Map service name unless CloudMap.Name is set" }
                    : f.Violation with { Under = under },
            });
    }
}

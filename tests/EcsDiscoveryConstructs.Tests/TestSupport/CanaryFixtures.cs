using Amazon.CDK;
using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Canary;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>A canary over a workload with one DNS service, and the first template resource of a type.</summary>
internal static class CanaryFixtures
{
    /// <summary>Workloads with an orders service; <paramref name="props"/> gets the VPC and returns the canary props.</summary>
    public static (Workloads W, Func<DiscoveryCanary> Create) Build(Func<Workloads, DiscoveryCanaryProps> props)
    {
        var w = new Workloads();
        _ = w.DnsService("Orders", "orders");
        return (w, () => new DiscoveryCanary(w.Stack, "Canary", props(w)));
    }

    /// <summary>The properties of the canary's (logical id starting with Canary) resource of <paramref name="type"/>.</summary>
    public static JsonObject Properties(Stack stack, string type)
        => Templates.OfType(stack, type).Single(r => r.Key.StartsWith("Canary", StringComparison.Ordinal)).Value["Properties"]!.AsObject();

    /// <summary>A numeric property of the canary's resource of <paramref name="type"/>.</summary>
    public static double Number(Stack stack, string type, string property)
        => Properties(stack, type)[property]!.GetValue<double>();

    /// <summary>The one-error list of a canary created with <paramref name="props"/>.</summary>
    public static IReadOnlyList<string> Errors(Func<Workloads, DiscoveryCanaryProps> props)
    {
        var (_, create) = Build(props);
        return Findings.Error(() => create()).Errors;
    }
}

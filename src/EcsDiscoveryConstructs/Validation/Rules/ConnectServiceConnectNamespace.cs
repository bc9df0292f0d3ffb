using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Service Connect clients and servers share a namespace.</summary>
internal sealed class ConnectServiceConnectNamespace : IPropsRule<ConnectionSpec>
{
    public RuleInfo Info => new(
        "connect-service-connect-namespace",
        RuleLevel.Error,
        "ConnectTo a Service Connect-only target from a caller whose Service Connect namespace is another one.",
        "An ECS service has one Service Connect namespace; its proxy only knows the aliases of that namespace.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html" };

    public IEnumerable<Violation> Check(ConnectionSpec subject)
    {
        var source = DiscoverableFargateService.PlanOf(subject.Source);
        var target = DiscoverableFargateService.PlanOf(subject.Target);
        if (target.Endpoints.Count > 0 && target.CloudMap is null && source.HasServiceConnect
            && !NamespaceSetup.Same(source.ServiceConnectNamespace, target.ServiceConnectNamespace))
        {
            yield return new Violation(
                $"target '{subject.Target.Node.Path}'",
                $"is reachable only through Service Connect namespace '{target.ServiceConnectNamespace?.NamespaceName}', but '{subject.Source.Node.Path}' uses Service Connect namespace '{source.ServiceConnectNamespace?.NamespaceName}'",
                "Put both services in one Service Connect namespace, or give the target DualDiscovery so it is also reachable through DNS.");
        }
    }
}

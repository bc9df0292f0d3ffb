using System.Text.RegularExpressions;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A service can only be connected to a service it can discover, under a valid variable prefix.</summary>
internal sealed partial class ConnectTarget : IPropsRule<ConnectionSpec>
{
    public RuleInfo Info => new(
        "connect-target",
        RuleLevel.Error,
        "ConnectTo: the target is discoverable (Service Connect endpoints, Cloud Map registration) on a known port, is not the caller, and the variable prefix is an environment-variable name.",
        "Otherwise the caller would get an endpoint nothing answers on.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html" };

    public IEnumerable<Violation> Check(ConnectionSpec subject)
    {
        var target = subject.Target;
        var plan = DiscoverableFargateService.PlanOf(target);
        if (ReferenceEquals(subject.Source, target))
        {
            yield return new Violation($"target '{target.Node.Path}'", "is the calling service itself", "Connect to another service.");
        }

        if (plan.Endpoints.Count == 0 && plan.CloudMap is null)
        {
            yield return new Violation($"target '{target.Node.Path}'", "is not discoverable: it has neither Service Connect endpoints nor a Cloud Map registration", "Give the target ServiceConnect endpoints or a CloudMap registration.");
        }
        else if (plan.Endpoints.Count == 0 && target.CloudMapPort is null)
        {
            yield return new Violation($"target '{target.Node.Path}'", "has no container port to connect to", "Add a port mapping to the target's container.");
        }

        if (!EnvironmentName().IsMatch(subject.Prefix))
        {
            yield return new Violation($"variablePrefix '{subject.Prefix}'", "is not an environment-variable name: use upper-case letters, digits and '_', not starting with a digit", "Use e.g. 'INVENTORY'.");
        }
    }

    [GeneratedRegex("^[A-Z_][A-Z0-9_]*$")]
    private static partial Regex EnvironmentName();
}

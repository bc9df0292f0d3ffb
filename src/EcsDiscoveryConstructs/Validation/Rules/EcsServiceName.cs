using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>ECS service names are 1-255 letters, digits, '-' or '_'.</summary>
internal sealed partial class EcsServiceName : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "ecs-service-name",
        RuleLevel.Error,
        "Name is 1-255 letters, digits, '-' or '_'.",
        "CreateService rejects other ECS service names.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var name = subject.Props.Name;
        if (name is null)
        {
            yield return new Violation("Name (not set)", "is required", "Give the service a name, e.g. Name = \"orders\".");
        }
        else if (TokenGuard.IsConcrete(name) && !Pattern().IsMatch(name))
        {
            yield return new Violation($"Name '{name}'", "is invalid: use 1-255 letters, digits, '-' or '_'", "Rename it, e.g. 'orders'.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    private static partial Regex Pattern();
}

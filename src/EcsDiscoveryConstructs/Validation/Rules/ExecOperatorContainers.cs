using System.Text.RegularExpressions;
using EcsDiscoveryConstructs.Exec;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>An operator role narrowed to containers names at least one, and only valid container names.</summary>
internal sealed partial class ExecOperatorContainers : IPropsRule<ExecOperatorRoleProps>
{
    public RuleInfo Info => new(
        "exec-operator-containers",
        RuleLevel.Error,
        "ExecOperatorRole.ContainerNames, when given, lists at least one container name, each 1-255 letters, digits, '-' or '_'.",
        "An empty list would leave out the ecs:container-name condition and silently allow every container; a name ECS cannot have matches nothing.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html" };

    public IEnumerable<Violation> Check(ExecOperatorRoleProps subject)
    {
        if (subject.ContainerNames is not { } names)
        {
            yield break;
        }

        if (names.Count == 0)
        {
            yield return new Violation("ContainerNames (empty)", "would allow every container: an empty list adds no container condition", "List the containers operators may open a shell in, or leave ContainerNames unset to allow every container on purpose.");
        }

        foreach (var name in names.Where(n => n is null || (TokenGuard.IsConcrete(n) && !ContainerName().IsMatch(n))))
        {
            yield return new Violation(name is null ? "ContainerNames entry (null)" : $"ContainerNames entry '{name}'", "is not a container name: use 1-255 letters, digits, '-' or '_'", "Use the container's name from the task definition, e.g. 'app'.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    private static partial Regex ContainerName();
}

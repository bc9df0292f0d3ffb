namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A service gets its containers from exactly one place.</summary>
internal sealed class TaskSource : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "task-source",
        RuleLevel.Error,
        "Exactly one of Container and TaskDefinition is set; a TaskDefinition has containers, at least one of them essential.",
        "Without either there is nothing to run; with both it is unclear which containers the discovery settings refer to.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var props = subject.Props;
        if ((props.Container is null) == (props.TaskDefinition is null))
        {
            yield return new Violation(
                props.Container is null ? "Container and TaskDefinition (neither set)" : "Container and TaskDefinition (both set)",
                "must be exactly one",
                "Set Container for a new task definition, or TaskDefinition to use an existing one.");
        }
        else if (props.TaskDefinition is not null && subject.Plan.Task.Containers.Count == 0)
        {
            yield return new Violation("TaskDefinition", "has no containers", "Add the task definition's containers before creating the service.");
        }
        else if (props.TaskDefinition is not null && subject.Plan.Task.DefaultContainerName is null)
        {
            // The CDK's default container is the first essential one: none means no container is essential.
            yield return new Violation(
                "TaskDefinition",
                "has no essential container: ECS refuses such a task definition (the task stops when an essential container stops; one must be)",
                "Leave Essential unset (true) on the application container.");
        }
    }
}

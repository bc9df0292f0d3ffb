namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Service Connect endpoints name port mappings that exist.</summary>
internal sealed class PortMappingName : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "port-mapping-name",
        RuleLevel.Error,
        "Every ServiceConnect endpoint's PortMappingName is the name of a port mapping in the task definition.",
        "Service Connect finds the port by name; tools that drop or mistype the name fail at deploy time (awsx #1168, aws-cli #7531).") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var names = subject.Plan.Task.Containers.SelectMany(c => c.Ports).Select(p => p.Name).OfType<string>().ToList();
        foreach (var endpoint in subject.Plan.Endpoints.Where(e => e.Port is null))
        {
            yield return new Violation(
                $"{endpoint.Path}.PortMappingName '{endpoint.Source.PortMappingName}'",
                $"is not the name of a port mapping in the task definition (named port mappings: {(names.Count == 0 ? "none" : string.Join(", ", names.Select(n => $"'{n}'")))})",
                "Give the container's port mapping a Name and use it here, e.g. new PortMapping { Name = \"http\", ContainerPort = 8080 }.");
        }
    }
}

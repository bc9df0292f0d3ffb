namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Each VPC Lattice target names a port mapping the task definition has.</summary>
internal sealed class VpcLatticePortName : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "vpc-lattice-port-name",
        RuleLevel.Error,
        "VpcLattice has at least one target, and each target's PortName is the name of a port mapping of the task definition.",
        "ECS VpcLatticeConfiguration: portName must match a port mapping's name; otherwise CreateService fails after the stack has started deploying.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_VpcLatticeConfiguration.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Props.VpcLattice is not { } lattice)
        {
            yield break;
        }

        if (lattice.Targets is not { Length: > 0 })
        {
            yield return new Violation("VpcLattice.Targets", "is empty", "Give at least one VpcLatticeTarget, or remove VpcLattice.");
            yield break;
        }

        var task = subject.Plan.Task;
        foreach (var (target, i) in lattice.Targets.Select((t, i) => (t, i)))
        {
            if (target is null)
            {
                yield return new Violation($"VpcLattice.Targets[{i}]", "is null", "Remove the entry or give a VpcLatticeTarget.");
            }
            else if (TokenGuard.IsConcrete(target.PortName) && task.Containers.Count > 0 && task.FindPortMapping(target.PortName) is null)
            {
                yield return new Violation($"VpcLattice.Targets[{i}].PortName '{target.PortName}'", $"names no port mapping of the task definition (its port mapping names: {Names(task)})", "Use the Name of a port mapping, e.g. PortMappings = [new PortMapping { Name = \"api\", ContainerPort = 8080 }] and PortName = \"api\".");
            }
        }
    }

    private static string Names(Services.TaskShape task)
        => task.Containers.SelectMany(c => c.Ports).Where(p => p.Name is not null).Select(p => $"'{p.Name}'").DefaultIfEmpty("none").Aggregate((a, b) => $"{a}, {b}");
}

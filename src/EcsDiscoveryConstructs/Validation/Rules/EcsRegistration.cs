using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A plain CDK ECS service registers in a Cloud Map service the way ECS accepts.</summary>
internal sealed class EcsRegistration : IPropsRule<EcsRegistrationSpec>
{
    public RuleInfo Info => new(
        "ecs-registration",
        RuleLevel.Error,
        "RegisterEcsService: one registry per ECS service; records ECS can fill (A, SRV, A+SRV; SRV for bridge and host tasks, which have no address of their own, also instead of API-only); with SRV a container of the task and a port mapped on it; a private namespace in the cluster's VPC.",
        "ECS takes one service registry per service and rejects bridge/host registrations without containerName and containerPort at deploy; CDK's AssociateCloudMapService checks none of this (aws-cdk #29245).") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html" };

    public IEnumerable<Violation> Check(EcsRegistrationSpec subject)
    {
        var label = $"ECS service '{subject.EcsServicePath}'";
        var records = subject.Service.UsesDns ? subject.Service.EffectiveRecords : DiscoveryRecordTypes.None;
        if (subject.AlreadyRegistered)
        {
            yield return new Violation(label, "already has a service registry: ECS takes one per service", "Register it in one Cloud Map service only (use Service Connect for a second name).");
        }

        if ((records & ~(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv)) != 0)
        {
            yield return new Violation($"{label} in a service with {RecordTypes.Describe(records)} records", "cannot be registered: ECS fills only the IPv4 address and port (A, SRV or A+SRV)", "Create the service with DnsRecords = DiscoveryRecordTypes.Srv (or A | Srv for awsvpc tasks).");
        }

        var hostNetworked = subject.HostNetworkMode is not null;
        if (hostNetworked && !records.HasFlag(DiscoveryRecordTypes.Srv))
        {
            // An API-only service cannot take them either: ECS needs a container and port for these tasks, and CDK's
            // AssociateCloudMapService writes them only for SRV services.
            var through = records == DiscoveryRecordTypes.None ? "an API-only service (no SRV records)" : $"{RecordTypes.Describe(records)} records";
            yield return new Violation($"{label} ({subject.HostNetworkMode} network mode)", $"cannot be found through {through}: its tasks share the host's address, only SRV records carry their ports", "Create the service with DnsRecords = DiscoveryRecordTypes.Srv.");
        }
        else if (records.HasFlag(DiscoveryRecordTypes.Srv))
        {
            foreach (var violation in TargetViolations(subject, label))
            {
                yield return violation;
            }
        }

        if (subject.VpcMismatch is { } mismatch)
        {
            yield return new Violation(label, mismatch, "Use a namespace created for the cluster's VPC.");
        }
    }

    private static IEnumerable<Violation> TargetViolations(EcsRegistrationSpec subject, string label)
    {
        var ports = subject.Task.DescribePorts();
        if (subject.ContainerName is { } name && (!subject.ContainerInTask || subject.Task.FindContainer(name) is null))
        {
            yield return new Violation($"container '{name}'", $"is not a container of {label}'s task definition (containers: {ports})", "Pass a container of the service's own task definition.");
        }
        else if (subject.ContainerPort is { } port && port is < 1 or > 65535)
        {
            yield return new Violation($"containerPort {port}", "is out of range: use 1-65535", "Use a port mapped on the container.");
        }
        else if (subject.Target is null)
        {
            var given = $"container {(subject.ContainerName is null ? "(not set)" : $"'{subject.ContainerName}'")} and containerPort {(subject.ContainerPort is null ? "(not set)" : subject.ContainerPort.ToString())}";
            yield return new Violation(given, $"do not name one container and a port mapped on it, which SRV records need (containers: {ports})", "Pass the container and one of its mapped ports, e.g. RegisterEcsService(service, container, 8080).");
        }
    }
}

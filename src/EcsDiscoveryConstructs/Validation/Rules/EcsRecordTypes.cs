using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>ECS registers awsvpc tasks with A, SRV or A+SRV records.</summary>
internal sealed class EcsRecordTypes : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "ecs-record-types",
        RuleLevel.Error,
        "A Cloud Map service ECS registers Fargate tasks in uses A, SRV or A+SRV records (or none, for API discovery).",
        "ECS writes only AWS_INSTANCE_IPV4 and AWS_INSTANCE_PORT for awsvpc tasks: AAAA and CNAME records cannot be filled.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var records = subject.Plan.CloudMapRecords;
        if (subject.Plan.CloudMap is not null && (records & ~(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv)) != 0)
        {
            yield return new Violation(
                $"CloudMap DnsRecords {Rules.RecordTypes.Describe(records)}",
                "cannot be registered by ECS for Fargate tasks: use A, SRV or A+SRV",
                "Set DnsRecords = DiscoveryRecordTypes.A (or A | Srv for ports too).");
        }
    }
}

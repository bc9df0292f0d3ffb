using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>An IP instance of a Route 53 health-checked service names the port Route 53 checks.</summary>
/// <remarks>
/// https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html: AWS_INSTANCE_PORT is "required if you
/// specified settings for ... a Route 53 health check", "the port on the endpoint that you want Route 53 to send requests
/// to". The CDK writes 80 when no port is given (aws-cdk's own integ test relies on it), so the template deploys, and Route
/// 53 checks port 80 whatever the instance listens on.
/// </remarks>
internal sealed class InstanceDefaultPort : IPropsRule<InstanceSpec>
{
    public RuleInfo Info => new(
        "instance-default-port",
        RuleLevel.Warning,
        "An IP instance registered without Port in a service with a Route 53 health check is checked on port 80, the port the CDK writes for it.",
        "Route 53 health-checks the instance on AWS_INSTANCE_PORT; without a Port the CDK writes 80, which is right only for an instance listening on 80.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html" };

    public IEnumerable<Violation> Check(InstanceSpec subject)
    {
        var records = subject.Service.UsesDns ? subject.Service.EffectiveRecords : DiscoveryRecordTypes.None;
        if (subject.Service.Route53HealthCheck is not null && subject.IsIp && !subject.IsCname && subject.Instance.Port is null && records != DiscoveryRecordTypes.Cname)
        {
            yield return new Violation("Port (not set)", $"makes Route 53 health-check the instance on port {InstanceSpec.CdkDefaultPort}, the port the CDK writes when none is given", $"Set Port to the port the instance serves (Port = {InstanceSpec.CdkDefaultPort} if that is it).");
        }
    }
}

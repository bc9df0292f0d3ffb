namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Service Connect proxy settings ECS accepts: access logs need a log driver; the ingress port is a port.</summary>
internal sealed class ServiceConnectProxySettings : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "service-connect-proxy-settings",
        RuleLevel.Error,
        "ServiceConnect.AccessLogs comes with ServiceConnect.LogDriver, and each endpoint's IngressPortOverride is 1-65535.",
        "Access logs are written through the proxy's log configuration (none without a log driver); CDK throws a raw error for an ingress port out of range.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Props.ServiceConnect is { AccessLogs: not null, LogDriver: null })
        {
            yield return new Violation("ServiceConnect.AccessLogs", "need somewhere to go: ServiceConnect.LogDriver is not set", "Set ServiceConnect.LogDriver, e.g. LogDriver.AwsLogs(new AwsLogDriverProps { StreamPrefix = \"sc\" }).");
        }

        foreach (var endpoint in subject.Plan.Endpoints)
        {
            if (endpoint.Source.IngressPortOverride is { } port && port is < 1 or > 65535)
            {
                yield return new Violation($"{endpoint.Path}.IngressPortOverride {port}", "is out of range: use 1-65535", "Use the port the proxy should listen on, e.g. 15000, or leave it unset.");
            }
        }
    }
}

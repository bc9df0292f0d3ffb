using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Service Connect test-traffic headers: an HTTP field name and value, on an HTTP endpoint, with a strategy that has test traffic.</summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-blue-green.html: header-based test
/// routing applies to HTTP-based protocols during blue/green, linear and canary deployments. Field names are RFC 9110
/// tokens (section 5.1), field values visible characters with inner spaces or tabs (section 5.5).
/// </remarks>
internal sealed partial class TestTrafficRule : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "test-traffic-rule",
        RuleLevel.Error,
        "A TestTrafficHeader has an HTTP field name (RFC 9110 token) and value, sits on an endpoint with an HTTP app protocol, and the service uses a blue/green, linear or canary DeploymentStrategy.",
        "Service Connect routes test traffic by HTTP header only for http, http2 and grpc endpoints and only while a blue/green-family deployment runs; a header name or value HTTP cannot carry never matches.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectTestTrafficRules.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        foreach (var endpoint in subject.Plan.Endpoints.Where(e => e.Source.TestTrafficHeader is not null))
        {
            var header = endpoint.Source.TestTrafficHeader!;
            var path = $"{endpoint.Path}.TestTrafficHeader";
            if (TokenGuard.IsConcrete(header.Name) && !FieldName().IsMatch(header.Name))
            {
                yield return new Violation($"{path}.Name '{header.Name}'", "is not an HTTP header name: use letters, digits and !#$%&'*+-.^_`|~ only", "Use e.g. 'x-test-traffic'.");
            }

            if (TokenGuard.IsConcrete(header.ExactValue) && !FieldValue().IsMatch(header.ExactValue!))
            {
                yield return new Violation($"{path}.ExactValue '{header.ExactValue}'", "is not an HTTP header value: use visible ASCII characters, with spaces or tabs only between them", "Use e.g. 'green'.");
            }

            if (endpoint.IsTcp)
            {
                yield return new Violation(path, $"cannot be used with port mapping '{endpoint.Source.PortMappingName}', which has no AppProtocol (TCP): Service Connect routes test traffic by HTTP header", "Remove TestTrafficHeader, or set AppProtocol = AppProtocol.Http (or Http2, Grpc) on the port mapping.");
            }

            if (subject.Props.DeploymentStrategy is not { ShiftsTraffic: true })
            {
                yield return new Violation(path, "has no effect with a rolling deployment: test traffic exists only during blue/green, linear and canary deployments", "Set DeploymentStrategy = ServiceDeploymentStrategy.BlueGreen() (or Linear, Canary), or remove TestTrafficHeader.");
            }
        }
    }

    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"^[\x21-\x7E]([\x20-\x7E\t]*[\x21-\x7E])?$")]
    private static partial Regex FieldValue();
}

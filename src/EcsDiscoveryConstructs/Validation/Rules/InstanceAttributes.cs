using System.Text.RegularExpressions;
using EcsDiscoveryConstructs.Shared;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Instance ids and attributes as RegisterInstance accepts them.</summary>
/// <remarks>
/// https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html: InstanceId "Maximum length of 64",
/// "Pattern: ^[0-9a-zA-Z_/:.@-]+$"; Attributes keys and values (<see cref="AttributeText"/>), "up to 30 custom attributes",
/// "the total size of all provided attributes (sum of all keys and values) must not exceed 5,000 characters";
/// AWS_INIT_HEALTH_STATUS (HEALTHY or UNHEALTHY, with HealthCheckCustomConfig) and AWS_EC2_INSTANCE_ID (HTTP namespaces
/// only; "the only other attribute that can be specified is AWS_INIT_HEALTH_STATUS").
/// </remarks>
internal sealed partial class InstanceAttributes : IPropsRule<InstanceSpec>
{
    /// <summary>Custom attributes per instance.</summary>
    public const int MaxAttributes = 30;

    /// <summary>All keys and values of an instance together, reserved ones included.</summary>
    public const int MaxTotalLength = 5000;

    private const string InitHealthStatus = "AWS_INIT_HEALTH_STATUS";
    private const string Ec2InstanceId = "AWS_EC2_INSTANCE_ID";

    public RuleInfo Info => new(
        "instance-attributes",
        RuleLevel.Error,
        "Instances: InstanceId is 1-64 letters, digits and _/:.@-, unique in its service; at most 30 custom attributes, keys 1-255 printable ASCII characters written in the template (not tokens) and not starting with AWS_ (except AWS_INIT_HEALTH_STATUS with a custom health check, and AWS_EC2_INSTANCE_ID in an HTTP namespace), values at most 1,024 printable ASCII characters, spaces and tabs, not starting with a space or tab; all keys and values, the AWS_INSTANCE_* ones included, at most 5,000 characters together.",
        "RegisterInstance's InstanceId and Attributes constraints; AWS_ attributes are reserved for the addresses the library sets from Ipv4, Ipv6, Port and InstanceCname; CloudFormation cannot take a map key from a token; a second instance with one id replaces the first.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html" };

    public IEnumerable<Violation> Check(InstanceSpec subject)
    {
        var o = subject.Instance;
        if (o.InstanceId is { } id && TokenGuard.IsConcrete(id))
        {
            if (!InstanceId().IsMatch(id))
            {
                yield return new Violation($"InstanceId '{id}'", "is invalid: use 1-64 letters, digits and _/:.@-", "Use e.g. 'web-1'.");
            }
            else if (subject.DuplicateId)
            {
                yield return new Violation($"InstanceId '{id}'", "is already registered in this service: the second registration would replace the first", "Give each instance its own InstanceId.");
            }
        }

        var attributes = o.CustomAttributes;
        if (attributes is not null)
        {
            foreach (var violation in Custom(subject, attributes))
            {
                yield return violation;
            }
        }

        var total = subject.EmittedAttributes().Sum(a => (TokenGuard.IsConcrete(a.Key) ? a.Key.Length : 0) + LongestValue(a.Key, a.Value));
        if (total > MaxTotalLength)
        {
            yield return new Violation($"CustomAttributes ({total} characters)", $"are too long together, the AWS_ attributes the instance's addresses make included: use at most {MaxTotalLength} characters", "Shorten or remove attributes.");
        }
    }

    /// <summary>
    /// The value's length as RegisterInstance will count it: a deploy-time address at the longest it can be (an IPv4
    /// address 15 characters, an IPv6 one 45, a domain name 253); another deploy-time value is not counted.
    /// </summary>
    private static int LongestValue(string key, string? value) => TokenGuard.IsConcrete(value) ? value!.Length : key switch
    {
        "AWS_INSTANCE_IPV4" => 15,
        "AWS_INSTANCE_IPV6" => 45,
        "AWS_INSTANCE_CNAME" => DnsNameText.MaxLength,
        _ => 0,
    };

    private static IEnumerable<Violation> Custom(InstanceSpec subject, IReadOnlyDictionary<string, string> attributes)
    {
        var custom = attributes.Keys.Count(k => k is null || !k.StartsWith("AWS_", StringComparison.Ordinal));
        if (custom > MaxAttributes)
        {
            yield return new Violation($"CustomAttributes ({custom})", $"are too many: use at most {MaxAttributes}", "Remove attributes.");
        }

        foreach (var (key, value) in attributes)
        {
            if (key is not null && !TokenGuard.IsConcrete(key))
            {
                yield return new Violation($"CustomAttributes key '{key}'", "is a deploy-time value: CloudFormation takes a map's keys only as written in the template", "Write the key as a literal string; a deploy-time value can be the attribute's value.");
            }
            else if (!AttributeText.IsKey(key))
            {
                yield return new Violation($"CustomAttributes key '{key}'", $"is invalid: use 1-{AttributeText.MaxKeyLength} printable ASCII characters", "Rename the attribute.");
            }
            else if (key!.StartsWith("AWS_", StringComparison.Ordinal) && Reserved(subject, key, attributes) is { } problem)
            {
                yield return problem;
            }
            else if (value is null)
            {
                yield return new Violation($"CustomAttributes['{key}']", "is missing", "Give the attribute a value.");
            }
            else if (TokenGuard.IsConcrete(value) && !AttributeText.IsValue(value))
            {
                yield return new Violation(
                    $"CustomAttributes['{key}'] '{value}'",
                    $"is invalid: use at most {AttributeText.MaxValueLength} printable ASCII characters, spaces and tabs, not starting with a space or tab",
                    "Shorten the value or encode it (e.g. Base64 or percent-encoding).");
            }
        }
    }

    /// <summary>Why a reserved key cannot be given here, or null for one of the two a user may give.</summary>
    private static Violation? Reserved(InstanceSpec subject, string key, IReadOnlyDictionary<string, string> attributes)
    {
        var value = attributes[key];
        switch (key)
        {
            case InitHealthStatus when subject.Service.CustomHealthCheck is null:
                return new Violation($"CustomAttributes['{key}']", "sets the first status of a custom health check, and the service has none", "Remove it, or create the service with CustomHealthCheck.");
            case InitHealthStatus when TokenGuard.IsConcrete(value) && value is not ("HEALTHY" or "UNHEALTHY"):
                return new Violation($"CustomAttributes['{key}'] '{value}'", "is invalid: use HEALTHY or UNHEALTHY", "Use \"UNHEALTHY\" to keep the instance out of answers until it reports healthy.");
            case InitHealthStatus:
                return null;
            case Ec2InstanceId when subject.Service.NamespaceType != Amazon.CDK.AWS.ServiceDiscovery.NamespaceType.HTTP || subject.IsIp || subject.IsCname:
                return new Violation($"CustomAttributes['{key}']", "registers an EC2 instance, which only an HTTP namespace's service takes, as a non-IP instance", "Use RegisterNonIpInstance in an HTTP namespace's service, or give its addresses through RegisterIpInstance (Ipv4, Port).");
            case Ec2InstanceId when TokenGuard.IsConcrete(value) && !Ec2Id().IsMatch(value):
                return new Violation($"CustomAttributes['{key}'] '{value}'", "is not an EC2 instance id", "Use the id as EC2 shows it, e.g. 'i-0123456789abcdef0'.");
            case Ec2InstanceId when attributes.Keys.Any(k => k is not (Ec2InstanceId or InitHealthStatus)):
                return new Violation($"CustomAttributes['{key}']", "allows only AWS_INIT_HEALTH_STATUS beside it", "Remove the other attributes: Cloud Map fills AWS_INSTANCE_IPV4 from the EC2 instance.");
            case Ec2InstanceId:
                return null;
            default:
                return new Violation($"CustomAttributes key '{key}'", "is reserved for AWS", "Set addresses through Ipv4, Ipv6, Port or InstanceCname, and name your own attributes without 'AWS_'.");
        }
    }

    [GeneratedRegex(@"^[0-9a-zA-Z_/:.@-]{1,64}\z")]
    private static partial Regex InstanceId();

    /// <summary>An EC2 instance id: <c>i-</c> and 8 or 17 lowercase hex digits.</summary>
    [GeneratedRegex(@"^i-([0-9a-f]{8}|[0-9a-f]{17})\z")]
    private static partial Regex Ec2Id();
}

using System.Net;
using EcsDiscoveryConstructs.Verifier.Dns;
using EcsDiscoveryConstructs.Verifier.Redaction;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>
/// The canary's settings, from environment variables: <c>AWS_LAMBDA_RUNTIME_API</c> (set by Lambda),
/// <c>AWS_REGION</c>, <c>ECS_DISCOVERY_STACK</c> (the stack whose deployed template says what to check),
/// optional <c>ECS_DISCOVERY_FUNCTION</c> (the function's logical id, whose scope metadata narrows the checks),
/// <c>ECS_DISCOVERY_DNS_RESOLVER</c> (<c>system</c>, <c>none</c> or <c>ip[:port]</c>; default system), and the AWS SDKs'
/// standard endpoint variables <c>AWS_ENDPOINT_URL_SERVICEDISCOVERY</c> (ECS: <c>AWS_ENDPOINT_URL_ECS</c>, CloudFormation:
/// <c>AWS_ENDPOINT_URL_CLOUDFORMATION</c>), then <c>AWS_ENDPOINT_URL</c>.
/// </summary>
internal sealed record CanarySettings(string? RuntimeApi, string? Region, string? StackName, Uri? Endpoint, bool Dns, IPEndPoint? Resolver, string? Problem)
{
    /// <summary>The canary function's logical id (its scope metadata), or null to check the whole stack.</summary>
    public string? FunctionLogicalId { get; init; }

    /// <summary>The CloudFormation endpoint (<c>AWS_ENDPOINT_URL_CLOUDFORMATION</c>, then <c>AWS_ENDPOINT_URL</c>), or null for AWS's.</summary>
    public Uri? CloudFormationEndpoint { get; init; }

    /// <summary>Invocations served before the process exits; Lambda starts a new one (bounds any leak). Tests set fewer.</summary>
    public int MaxInvocations { get; init; } = 10_000;

    /// <summary>The canary's own metric dimension (ECS_DISCOVERY_CANARY), or null when unset.</summary>
    public string? CanaryName { get; init; }

    /// <summary>The ECS endpoint (<c>AWS_ENDPOINT_URL_ECS</c>, then <c>AWS_ENDPOINT_URL</c>), or null for AWS's.</summary>
    public Uri? EcsEndpoint { get; init; }

    public static CanarySettings FromEnvironment(Func<string, string?> get)
    {
        var runtimeApi = get("AWS_LAMBDA_RUNTIME_API");
        var region = get("AWS_REGION") ?? get("AWS_DEFAULT_REGION");
        var stack = get("ECS_DISCOVERY_STACK");
        var endpointText = get("AWS_ENDPOINT_URL_SERVICEDISCOVERY") ?? get("AWS_ENDPOINT_URL");
        var ecsEndpointText = get("AWS_ENDPOINT_URL_ECS") ?? get("AWS_ENDPOINT_URL");
        var cfnEndpointText = get("AWS_ENDPOINT_URL_CLOUDFORMATION") ?? get("AWS_ENDPOINT_URL");
        var dnsText = get("ECS_DISCOVERY_DNS_RESOLVER") ?? "system";
        var max = int.TryParse(get("ECS_DISCOVERY_MAX_INVOCATIONS"), out var n) && n > 0 ? n : 10_000;
        Uri? endpoint = null;
        Uri? ecsEndpoint = null;
        Uri? cfnEndpoint = null;
        IPEndPoint? resolver = null;
        string? problem = runtimeApi is null ? "AWS_LAMBDA_RUNTIME_API is not set: the canary runs as a Lambda function (provided.al2023)"
            : !LambdaRuntimeApi.IsHostAndPort(runtimeApi) ? $"AWS_LAMBDA_RUNTIME_API '{Redactor.Shown(runtimeApi)}' is not host:port (a port of 1-65535)"
            : region is null ? "AWS_REGION is not set"
            : !TryEndpoint(endpointText, out endpoint) ? $"the Cloud Map endpoint '{Redactor.Shown(endpointText!)}' is not an http(s) URL without a user name"
            : !TryEndpoint(ecsEndpointText, out ecsEndpoint) ? $"the ECS endpoint '{Redactor.Shown(ecsEndpointText!)}' is not an http(s) URL without a user name"
            : !TryEndpoint(cfnEndpointText, out cfnEndpoint) ? $"the CloudFormation endpoint '{Redactor.Shown(cfnEndpointText!)}' is not an http(s) URL without a user name"
            : dnsText is not ("system" or "none") && (resolver = DnsClientResolver.ParseServer(dnsText)) is null ? $"ECS_DISCOVERY_DNS_RESOLVER '{Redactor.Shown(dnsText)}' is not system, none or ip[:port]"
            : string.IsNullOrWhiteSpace(stack) ? "ECS_DISCOVERY_STACK is not set: the DiscoveryCanary construct sets it to the stack whose deployed template the canary checks"
            : null;
        return new CanarySettings(runtimeApi, region, stack, endpoint, dnsText != "none", resolver, problem)
        {
            MaxInvocations = max,
            CanaryName = get("ECS_DISCOVERY_CANARY") is { Length: > 0 } canary ? canary : null,
            EcsEndpoint = ecsEndpoint,
            CloudFormationEndpoint = cfnEndpoint,
            FunctionLogicalId = get("ECS_DISCOVERY_FUNCTION") is { Length: > 0 } function ? function : null,
        };
    }

    /// <summary>An endpoint variable's URL: true and null when unset, true and the URL when it is http(s) without a user name, else false.</summary>
    private static bool TryEndpoint(string? text, out Uri? endpoint)
    {
        endpoint = null;
        return text is null || (Uri.TryCreate(text, UriKind.Absolute, out endpoint) && endpoint.Scheme is "http" or "https" && endpoint.UserInfo.Length == 0);
    }

    /// <summary>True when the problem leaves the Runtime API reachable, so it can be reported to <c>/runtime/init/error</c>.</summary>
    public bool CanReportToRuntime => RuntimeApi is not null && LambdaRuntimeApi.IsHostAndPort(RuntimeApi);

}

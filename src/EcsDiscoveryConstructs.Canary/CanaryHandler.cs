using Amazon.Runtime;
using EcsDiscoveryConstructs.Verifier.Canary;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>One invocation: read the expected model, check the registry (and DNS), log EMF, return the summary.</summary>
internal static class CanaryHandler
{
    public static async Task<string> HandleAsync(CanarySettings settings, Func<AWSCredentials> credentials, TextWriter log, CancellationToken cancellationToken)
    {
        var expected = ExpectedModelJson.Read(settings.ExpectedModel!, "ECS_DISCOVERY_EXPECTED_MODEL");
        using var client = new CloudMapClient(new CloudMapClientOptions { Region = settings.Region!, Credentials = credentials(), EndpointUrl = settings.Endpoint });
        var resolver = settings.Dns ? new DnsClientResolver(settings.Resolver) : null;
        return await new CanaryCheck(client, resolver, log) { CanaryName = settings.CanaryName }.RunAsync(expected, cancellationToken).ConfigureAwait(false);
    }
}

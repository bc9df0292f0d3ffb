using Amazon.Runtime;
using EcsDiscoveryConstructs.Verifier.Aws;
using EcsDiscoveryConstructs.Verifier.Canary;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>One invocation: read the expected model, check the registry (and DNS), log EMF, return the summary.</summary>
internal static class CanaryHandler
{
    public static async Task<string> HandleAsync(CanarySettings settings, Func<AWSCredentials> credentials, TextWriter log, CancellationToken cancellationToken)
    {
        var expected = ExpectedModelJson.Read(settings.ExpectedModel!, "ECS_DISCOVERY_EXPECTED_MODEL");
        var signer = credentials();
        using var client = new CloudMapClient(new CloudMapClientOptions { Region = settings.Region!, Credentials = signer, EndpointUrl = settings.Endpoint });
        // What ECS does (deployments, stopped tasks) keeps a rollout from raising the alarm and explains a failure.
        // Without a route to ECS (no NAT or ecs endpoint in the canary's subnets) one short call fails and the run goes on without it.
        using var ecs = new EcsClient(new AwsClientOptions { Region = settings.Region!, Credentials = signer, EndpointUrl = settings.EcsEndpoint, MaxAttempts = 2, CallTimeout = TimeSpan.FromSeconds(3) });
        var resolver = settings.Dns ? new DnsClientResolver(settings.Resolver) : null;
        return await new CanaryCheck(client, resolver, log) { CanaryName = settings.CanaryName, Ecs = ecs }.RunAsync(expected, cancellationToken).ConfigureAwait(false);
    }
}

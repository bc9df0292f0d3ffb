using Amazon.Runtime;
using EcsDiscoveryConstructs.Verifier.Aws;
using EcsDiscoveryConstructs.Verifier.Canary;
using EcsDiscoveryConstructs.Verifier.CloudFormation;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;
using EcsDiscoveryConstructs.Verifier.Ecs;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>
/// One invocation: derive what must be true from the canary's deployed stack (its template read again only after an
/// update), check the registry (and DNS), log EMF, return the summary.
/// </summary>
/// <param name="settings">The canary's settings.</param>
internal sealed class CanaryHandler(CanarySettings settings)
{
    // Lives as long as the process (up to MaxInvocations): the template is fetched once per stack update.
    private readonly CanaryExpectations expectations = new(settings.StackName!, settings.FunctionLogicalId);

    public async Task<string> HandleAsync(Func<AWSCredentials> credentials, TextWriter log, CancellationToken cancellationToken)
    {
        var signer = credentials();
        using var stacks = new CloudFormationClient(new AwsClientOptions { Region = settings.Region!, Credentials = signer, EndpointUrl = settings.CloudFormationEndpoint });
        var expected = await expectations.ReadAsync(stacks, cancellationToken).ConfigureAwait(false);
        using var client = new CloudMapClient(new CloudMapClientOptions { Region = settings.Region!, Credentials = signer, EndpointUrl = settings.Endpoint });
        // What ECS does (deployments, stopped tasks) keeps a rollout from raising the alarm and explains a failure.
        // Without a route to ECS (no NAT or ecs endpoint in the canary's subnets) one short call fails and the run goes on without it.
        using var ecs = new EcsClient(new AwsClientOptions { Region = settings.Region!, Credentials = signer, EndpointUrl = settings.EcsEndpoint, MaxAttempts = 2, CallTimeout = TimeSpan.FromSeconds(3) });
        var resolver = settings.Dns ? new DnsClientResolver(settings.Resolver) : null;
        return await new CanaryCheck(client, resolver, log) { CanaryName = settings.CanaryName, Ecs = ecs }.RunAsync(expected, cancellationToken).ConfigureAwait(false);
    }
}

using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Canary;

/// <summary>
/// One check cycle of the canary: the registry checks and, with a resolver, the DNS checks, for the expected model;
/// writes the EMF lines to <paramref name="log"/> and returns a summary. An unreadable registry is an exception (the
/// invocation fails), never a silent pass.
/// </summary>
internal sealed class CanaryCheck(ICloudMapClient client, IDnsResolver? resolver, TextWriter log)
{
    /// <summary>The canary's own metric dimension (its construct path), or null for none.</summary>
    public string? CanaryName { get; init; }

    /// <summary>The ECS reader: with it a deployment in progress raises no alarm and a failure carries its ECS cause; null checks as in steady state.</summary>
    public IEcsReader? Ecs { get; init; }

    /// <summary>Runs the checks once.</summary>
    public async Task<string> RunAsync(ExpectedState expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var report = await new RegistryVerifier(client, ecs: Ecs).VerifyAsync(expected, strict: false, cancellationToken).ConfigureAwait(false);
        if (resolver is not null)
        {
            report = await new DnsVerifier(resolver).AddToAsync(report, cancellationToken).ConfigureAwait(false);
        }

        foreach (var line in EmbeddedMetrics.Lines(report, DateTimeOffset.UtcNow, CanaryName))
        {
            await log.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        await log.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new JsonObject
        {
            ["passed"] = report.Passed,
            ["checksPassed"] = report.Count(CheckStatus.Pass),
            ["checksFailed"] = report.Count(CheckStatus.Fail),
            ["checksSkipped"] = report.Count(CheckStatus.Skip),
        }.ToJsonString();
    }
}

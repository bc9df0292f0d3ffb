using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.LocalPeers;
using EcsDiscoveryConstructs.Verifier.Tests.Checks;

namespace EcsDiscoveryConstructs.Verifier.Tests.LocalPeer;

/// <summary>
/// Every write local-deploy makes for each example (namespace with VPC and SOA TTL, service definitions, each task's
/// instance id and attributes), compared with a reviewed snapshot under LocalPeer/Deploys/: what the local peer holds
/// is what CloudFormation and ECS would create. Regenerate with ECS_DISCOVERY_ACCEPT_SNAPSHOTS=1.
/// </summary>
public sealed class LocalDeploySnapshotTests
{
    public static TheoryData<string> Stacks => [.. RepoRoot.ExampleStacks];

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task ExampleDeploy_WritesTheReviewedCalls(string stack)
    {
        var registry = new FakeRegistry();
        var recorder = new RecordingWriter(registry);
        await new LocalDeployer(registry, recorder, "eu-west-1").DeployAsync([TemplateTopologyReader.Read(stack, File.ReadAllText(RepoRoot.ExampleTemplate(stack)))], CancellationToken.None);
        Snapshot.Matches(Path.Combine(RepoRoot.Path, "tests", "EcsDiscoveryConstructs.Verifier.Tests", "LocalPeer", "Deploys", $"{stack}.calls.txt"), string.Join("\n", recorder.Calls) + "\n");
    }

    /// <summary>Logs each write with its arguments, then lets the in-memory registry apply it.</summary>
    private sealed class RecordingWriter(FakeRegistry registry) : ICloudMapWriter
    {
        public List<string> Calls { get; } = [];

        public Task<string> CreateNamespaceAsync(string type, string name, string? vpc, long? soaTtl, CancellationToken cancellationToken)
        {
            Calls.Add($"Create{type}Namespace {name} vpc={vpc ?? "-"} soaTtl={soaTtl?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
            return registry.CreateNamespaceAsync(type, name, vpc, soaTtl, cancellationToken);
        }

        public Task<string> CreateServiceAsync(string namespaceId, string name, JsonObject definition, CancellationToken cancellationToken)
        {
            Calls.Add($"CreateService {namespaceId} {name} {definition.ToJsonString()}");
            return registry.CreateServiceAsync(namespaceId, name, definition, cancellationToken);
        }

        public Task RegisterInstanceAsync(string serviceId, string instanceId, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken)
        {
            Calls.Add($"RegisterInstance {serviceId} {instanceId} {string.Join(" ", attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))}");
            return registry.RegisterInstanceAsync(serviceId, instanceId, attributes, cancellationToken);
        }

        public Task DeregisterInstanceAsync(string serviceId, string instanceId, CancellationToken cancellationToken) => registry.DeregisterInstanceAsync(serviceId, instanceId, cancellationToken);

        public Task DeleteServiceAsync(string serviceId, CancellationToken cancellationToken) => registry.DeleteServiceAsync(serviceId, cancellationToken);

        public Task DeleteNamespaceAsync(string namespaceId, CancellationToken cancellationToken) => registry.DeleteNamespaceAsync(namespaceId, cancellationToken);
    }
}

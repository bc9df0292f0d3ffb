using System.Text.Json;
using System.Text.Json.Serialization;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.Verifier.Tests.Assembly;

/// <summary>
/// Everything the reader derives from each example's golden template and from an edge-case template (every property
/// of the topology, as JSON), compared with a reviewed snapshot under Assembly/Topologies/: a change in what the
/// verifier expects shows as a readable diff. Regenerate with ECS_DISCOVERY_ACCEPT_SNAPSHOTS=1.
/// </summary>
public sealed class TopologySnapshotTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static TheoryData<string> Stacks => [.. RepoRoot.ExampleStacks];

    [Theory]
    [MemberData(nameof(Stacks))]
    public void ExampleTopology_IsTheReviewedOne(string stack)
        => Matches(stack, TemplateTopologyReader.Read(stack, File.ReadAllText(RepoRoot.ExampleTemplate(stack))));

    [Fact]
    public void EdgeCaseTopology_IsTheReviewedOne()
        => Matches("EdgeCases", TemplateTopologyReader.Read("EdgeCases", File.ReadAllText(Path.Combine(Folder, "EdgeCases.template.json"))));

    private static string Folder => Path.Combine(RepoRoot.Path, "tests", "EcsDiscoveryConstructs.Verifier.Tests", "Assembly", "Topologies");

    private static void Matches(string name, StackTopology topology)
        => Snapshot.Matches(Path.Combine(Folder, $"{name}.topology.json"), JsonSerializer.Serialize(topology, Json).ReplaceLineEndings("\n") + "\n");
}

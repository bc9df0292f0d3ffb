using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Diagrams;

namespace EcsDiscoveryConstructs.Verifier.Tests.Diagrams;

public class MermaidWriterTests
{
    private static StackTopology Example(string stack) => TemplateTopologyReader.Read(stack, File.ReadAllText(RepoRoot.ExampleTemplate(stack)));

    [Fact]
    public void Flowchart_ServiceConnect_ShowsAliasAndMode()
    {
        var text = MermaidWriter.Flowchart(Example("ServiceConnect"));
        Assert.StartsWith("flowchart LR\n", text, StringComparison.Ordinal);
        Assert.Contains("([\"backend · alias backend:80\"])", text, StringComparison.Ordinal);
        Assert.Matches("Frontend[A-Za-z0-9]+ == \"Service Connect :80\" ==> Backend[A-Za-z0-9]+", text);
    }

    [Fact]
    public void Flowchart_PublicApi_ShowsTheAliasServiceWithoutTasks()
    {
        var text = MermaidWriter.Flowchart(Example("PublicApi"));
        Assert.Contains("api.example.com · public DNS · SOA TTL 60s", text, StringComparison.Ordinal);
        Assert.Contains("[[\"api · A TTL 60s · WEIGHTED · no health check\"]]", text, StringComparison.Ordinal);
        Assert.Contains("(\"ECS api · 2 tasks\")", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Flowchart_ECommerce_ShowsTheCanaryCheckingItsNamespace()
    {
        var topology = Example("ECommerce");
        var canary = Assert.Single(topology.Canaries);
        Assert.Equal(("rate(5 minutes)", true), (canary.Schedule, canary.Alarmed));
        var text = MermaidWriter.Flowchart(topology);
        Assert.Matches("DiscoveryCanaryFunction[0-9A-F]+\\{\\{\"discovery canary · rate\\(5 minutes\\) · alarm on failed checks\"\\}\\}", text);
        Assert.Matches("DiscoveryCanaryFunction[0-9A-F]+ -\\. checks registry and DNS \\.-> Internal[0-9A-F]+", text);
    }

    [Fact]
    public void Topology_OtherFunctions_AreNotCanaries()
    {
        Assert.Empty(Example("ServiceConnect").Canaries);
        var template = """
            {"Resources":{"F":{"Type":"AWS::Lambda::Function","Properties":{"Environment":{"Variables":{"OTHER":"x"}}}},
             "C":{"Type":"AWS::Lambda::Function","Properties":{"Environment":{"Variables":{"ECS_DISCOVERY_STACK":"{}"}}}}}}
            """;
        var canary = Assert.Single(TemplateTopologyReader.Read("S", template).Canaries);
        Assert.Equal(("C", null, false), (canary.LogicalId, canary.Schedule, canary.Alarmed));
        Assert.Contains("C{{\"discovery canary · unscheduled\"}}", MermaidWriter.Flowchart(TemplateTopologyReader.Read("S", template)), StringComparison.Ordinal);
    }

    [Fact]
    public void ASharedNamespace_IsASubgraphNamingItsOwner_AndEcsNodesShowStrategyAndLattice()
    {
        var consumer = MermaidWriter.Flowchart(Example("SharedNamespaceConsumer"));
        Assert.Contains("subgraph imported_ns_0123456789abcdef0[\"ns-0123456789abcdef0 · shared by account 111111111111\"]\n    CheckoutCloudMap2527ADFE", consumer, StringComparison.Ordinal);
        Assert.Contains("· VPC Lattice (1)\")", consumer, StringComparison.Ordinal);
        Assert.Contains("(\"ECS payments · 2 tasks · BLUE_GREEN\")", MermaidWriter.Flowchart(Example("SharedNamespaceProducer")), StringComparison.Ordinal);
    }

    [Fact]
    public void DocsExamples_ShowEveryExampleGraph()
    {
        var expected = "# Example topologies\n\n"
            + "Generated from the example stacks' golden templates by `MermaidWriter` (the same output as\n"
            + "`ecs-discovery diagram --assembly cdk.out`); the test `DocsExamples_ShowEveryExampleGraph` keeps it current.\n\n"
            + MermaidWriter.Markdown(RepoRoot.ExampleStacks.Concat(RepoRoot.AccountBoundExampleStacks).Select(Example));
        Snapshot.Matches(Path.Combine(RepoRoot.Path, "docs", "examples.md"), expected);
    }
}

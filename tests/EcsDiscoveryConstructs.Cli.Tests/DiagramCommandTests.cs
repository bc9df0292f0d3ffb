using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Cli.Tests;

public sealed class DiagramCommandTests : IDisposable
{
    private readonly string assembly = RepoRoot.ExampleAssembly();


    [Fact]
    public void Diagram_AllStacks_PrintsAMermaidSectionPerStack()
    {
        var (exit, output, error) = CliRun.Run("diagram", "--assembly", assembly);
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Equal(RepoRoot.ExampleStacks.Length, output.Split("```mermaid\nflowchart LR\n").Length - 1);
        Assert.Contains("## ECommerce", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagram_MermaidFormatForOneStack_PrintsTheFlowchartOnly()
    {
        var (exit, output, _) = CliRun.Run("diagram", "--assembly", assembly, "--stack", "FrontendBackendDns", "--format", "mermaid");
        Assert.Equal(0, exit);
        Assert.StartsWith("flowchart LR\n", output, StringComparison.Ordinal);
        Assert.Contains("== \"DNS :80\" ==>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagram_OutputFile_IsWritten()
    {
        var file = Path.Combine(assembly, "topology.md");
        var (exit, output, _) = CliRun.Run("diagram", "--assembly", assembly, "--output", file);
        Assert.Equal((0, $"Wrote {RepoRoot.ExampleStacks.Length} stack diagram(s) to {file}\n"), (exit, output.ReplaceLineEndings("\n")));
        Assert.Contains("```mermaid", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Diagram_OutputFileInAMissingFolder_Exits2AndLeavesNothing()
    {
        var folder = Path.Combine(assembly, "no-such-folder");
        var (exit, output, error) = CliRun.Run("diagram", "--assembly", assembly, "--output", Path.Combine(folder, "topology.md"));
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.StartsWith("ecs-discovery: cannot write the diagram: ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Diagram_MissingFolder_Exits2WithReason()
    {
        var (exit, output, error) = CliRun.Run("diagram", "--assembly", Path.Combine(assembly, "missing"));
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Equal($"ecs-discovery: Cloud assembly folder '{Path.Combine(assembly, "missing")}' does not exist; run 'npx cdk synth' first or pass --assembly.\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Diagram_NotAnAssembly_Exits2()
    {
        var folder = Directory.CreateDirectory(Path.Combine(assembly, "plain")).FullName;
        var (exit, _, error) = CliRun.Run("diagram", "--assembly", folder);
        Assert.Equal(2, exit);
        Assert.Contains("is not a cloud assembly: it has no manifest.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagram_UnknownStack_Exits2()
    {
        var (exit, _, error) = CliRun.Run("diagram", "--assembly", assembly, "--stack", "Shop");
        Assert.Equal(2, exit);
        Assert.Contains("Unknown stack 'Shop'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagram_MermaidForSeveralStacks_Exits2()
    {
        var (exit, _, error) = CliRun.Run("diagram", "--assembly", assembly, "--format", "mermaid");
        Assert.Equal(2, exit);
        Assert.Contains($"--format mermaid draws one stack, but {RepoRoot.ExampleStacks.Length} were selected", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diagram", "--format", "svg")]
    [InlineData("diagram", "--nope")]
    [InlineData("draw")]
    public void BadArguments_Exit2WithUsageHint(params string[] args)
    {
        var (exit, _, error) = CliRun.Run(args);
        Assert.Equal(2, exit);
        Assert.EndsWith("Run 'ecs-discovery --help' for usage.\n", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(assembly, recursive: true);

    [Fact]
    public void Stack_TakesOneNamePerFlag()
    {
        // "--stack A B" is a mistake (two stacks are "--stack A --stack B"), not a second stack named silently.
        var (exit, output, error) = CliRun.Run("diagram", "--assembly", "cdk.out", "--stack", "ECommerce", "PublicApi");
        Assert.Equal((2, string.Empty, "ecs-discovery: Unrecognized command or argument 'PublicApi'.\nRun 'ecs-discovery --help' for usage.\n"), (exit, output, error));
    }
}

using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests;

public class ReadmeTests
{
    [Fact]
    public void UsageExample_IsTheCompiledExampleCode()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var block = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "EcsDiscoveryConstructs.Examples", "CloudMapBasicsStack.cs")).ReplaceLineEndings("\n");
        const string Begin = "// README usage example: begin\n";
        var from = source.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        var region = source[from..source.IndexOf("        // README usage example: end", from, StringComparison.Ordinal)];
        var dedented = string.Concat(region.Split('\n').Select(line => (line.StartsWith("        ", StringComparison.Ordinal) ? line[8..] : line) + "\n"))[..^1];

        Assert.Equal(dedented, block);
    }
}

using System.Text.RegularExpressions;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests;

public partial class ReadmeTests
{
    public static TheoryData<string, string> Examples() => new()
    {
        { "FrontendBackendDnsStack.cs", "usage" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void CodeBlock_IsTheCompiledExampleCode(string file, string marker)
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).ReplaceLineEndings("\n");
        var blocks = CSharpBlock().Matches(readme).Select(m => m.Groups[1].Value).ToList();

        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "EcsDiscoveryConstructs.Examples", file)).ReplaceLineEndings("\n");
        var begin = $"// README {marker} example: begin\n";
        var from = source.IndexOf(begin, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{file} has no '{begin.Trim()}' marker.");
        from += begin.Length;
        var region = source[from..source.IndexOf($"        // README {marker} example: end", from, StringComparison.Ordinal)];
        var dedented = string.Concat(region.Split('\n').Select(line => (line.StartsWith("        ", StringComparison.Ordinal) ? line[8..] : line) + "\n"))[..^1];

        Assert.Contains(dedented, blocks);
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}

using System.Text.RegularExpressions;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Readme;

public partial class ReadmeTests
{
    public static TheoryData<string, string> Examples() => new()
    {
        { "examples/EcsDiscoveryConstructs.Examples/FrontendBackendDnsStack.cs", "usage" },
        { "tests/EcsDiscoveryConstructs.Tests/Readme/ExecReadmeStack.cs", "exec" },
        { "examples/EcsDiscoveryConstructs.Examples/ECommerceStack.cs", "canary" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void CodeBlockInTheReadmeOrDocs_IsTheCompiledExampleCode(string file, string marker)
    {
        var docs = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md").Prepend(Path.Combine(RepoPaths.Root, "README.md"));
        var blocks = docs.SelectMany(doc => CSharpBlock().Matches(File.ReadAllText(doc).ReplaceLineEndings("\n")).Select(m => m.Groups[1].Value)).ToList();

        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, file)).ReplaceLineEndings("\n");
        var begin = $"// README {marker} example: begin\n";
        var from = source.IndexOf(begin, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{file} has no '{begin.Trim()}' marker.");
        from += begin.Length;
        var region = source[from..source.IndexOf($"        // README {marker} example: end", from, StringComparison.Ordinal)];
        var dedented = string.Concat(region.Split('\n').Select(line => (line.StartsWith("        ", StringComparison.Ordinal) ? line[8..] : line) + "\n"))[..^1];

        Assert.Contains(dedented, blocks);
    }

    [Fact]
    public void ExecExample_Synthesizes_WithExecOnAndAnOperatorRole()
    {
        var stack = new ExecReadmeStack(TestApp.Create(), "ReadmeExec");
        var template = Amazon.CDK.Assertions.Template.FromStack(stack);
        template.HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object> { ["EnableExecuteCommand"] = true });
        template.ResourceCountIs("AWS::IAM::Role", 3);
        Assert.True(stack.Orders.ExecEnabled);
        Assert.Empty(Findings.Warnings(stack));
        Assert.NotNull(stack.Operators.Role.RoleArn);
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}

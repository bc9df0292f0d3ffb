namespace EcsDiscoveryConstructs.Tests.Shared;

/// <summary>Locates the repository from a test's output folder (shared by the test projects that do not use CDK).</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "EcsDiscoveryConstructs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"EcsDiscoveryConstructs.sln not found above {AppContext.BaseDirectory}.");
    });

    /// <summary>The repository root.</summary>
    public static string Path => Root.Value;

    /// <summary>The golden template of an example stack (written by ExampleStacksTests).</summary>
    public static string ExampleTemplate(string stack)
        => System.IO.Path.Combine(Path, "tests", "EcsDiscoveryConstructs.Tests", "Examples", $"ExampleStacksTests.{stack}.verified.json");

    /// <summary>The seven example stacks, in the order docs/examples.md shows them.</summary>
    public static readonly string[] ExampleStacks = ["FrontendBackendDns", "HttpApiDiscovery", "ServiceConnect", "ECommerce", "PublicApi", "CopilotLayout", "AppMeshLayout"];

    /// <summary>The two-account example pair, synthesized only when the accounts are given (docs/shared-namespaces.md).</summary>
    public static readonly string[] AccountBoundExampleStacks = ["SharedNamespaceProducer", "SharedNamespaceConsumer"];

    /// <summary>Builds a cloud assembly folder (manifest + templates) from the example goldens, in a new temp folder.</summary>
    public static string ExampleAssembly()
    {
        var folder = Directory.CreateTempSubdirectory("assembly").FullName;
        var artifacts = string.Join(",", ExampleStacks.Select(s =>
        {
            File.Copy(ExampleTemplate(s), System.IO.Path.Combine(folder, $"{s}.template.json"));
            return $"\"{s}\":{{\"type\":\"aws:cloudformation:stack\",\"environment\":\"aws://unknown-account/unknown-region\",\"properties\":{{\"templateFile\":\"{s}.template.json\"}},\"displayName\":\"{s}\"}}";
        }));
        File.WriteAllText(System.IO.Path.Combine(folder, "manifest.json"), $"{{\"version\":\"38.0.1\",\"artifacts\":{{{artifacts}}}}}");
        return folder;
    }
}

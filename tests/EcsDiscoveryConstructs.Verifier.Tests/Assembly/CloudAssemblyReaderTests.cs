using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.Verifier.Tests.Assembly;

public sealed class CloudAssemblyReaderTests : IDisposable
{
    private readonly string folder = RepoRoot.ExampleAssembly();

    [Fact]
    public void Read_AllStacks_SortedByName()
        => Assert.Equal(["AppMeshLayout", "CopilotLayout", "ECommerce", "FrontendBackendDns", "HttpApiDiscovery", "PublicApi", "ServiceConnect"], CloudAssemblyReader.Read(folder).Stacks.Select(s => s.Name));

    [Fact]
    public void Read_SelectedStack_Only()
        => Assert.Equal("PublicApi", Assert.Single(CloudAssemblyReader.Read(folder, ["PublicApi"]).Stacks).Name);

    [Fact]
    public void Read_MissingFolder_SaysSo()
    {
        var error = Assert.Throws<AssemblyException>(() => CloudAssemblyReader.Read(Path.Combine(folder, "nope")));
        Assert.Equal($"Cloud assembly folder '{Path.Combine(folder, "nope")}' does not exist; run 'npx cdk synth' first or pass --assembly.", error.Message);
    }

    [Fact]
    public void Read_FolderWithoutManifest_IsNotAnAssembly()
    {
        var empty = Directory.CreateDirectory(Path.Combine(folder, "empty")).FullName;
        Assert.Equal($"'{empty}' is not a cloud assembly: it has no manifest.json.", Assert.Throws<AssemblyException>(() => CloudAssemblyReader.Read(empty)).Message);
    }

    [Fact]
    public void Read_UnknownStack_ListsTheKnownOnes()
    {
        var error = Assert.Throws<AssemblyException>(() => CloudAssemblyReader.Read(folder, ["Shop"]));
        Assert.Equal("Unknown stack 'Shop'; the assembly has AppMeshLayout, CopilotLayout, ECommerce, FrontendBackendDns, HttpApiDiscovery, PublicApi, ServiceConnect.", error.Message);
    }

    [Fact]
    public void Read_MissingTemplate_SaysWhich()
    {
        File.Delete(Path.Combine(folder, "PublicApi.template.json"));
        var error = Assert.Throws<AssemblyException>(() => CloudAssemblyReader.Read(folder, ["PublicApi"]));
        Assert.StartsWith("The template of stack 'PublicApi' (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BrokenManifest_SaysSo()
    {
        File.WriteAllText(Path.Combine(folder, "manifest.json"), "not json");
        Assert.StartsWith($"'{Path.Combine(folder, "manifest.json")}' is not valid JSON", Assert.Throws<AssemblyException>(() => CloudAssemblyReader.Read(folder)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeployedName_IsTheManifestsStackName_ElseTheArtifactId_NeverTheDisplayName()
    {
        var manifest = Path.Combine(folder, "manifest.json");
        var text = File.ReadAllText(manifest)
            .Replace("\"properties\":{\"templateFile\":\"PublicApi.template.json\"}", "\"properties\":{\"templateFile\":\"PublicApi.template.json\",\"stackName\":\"prod-public-api\"}", StringComparison.Ordinal)
            .Replace("\"displayName\":\"ECommerce\"", "\"displayName\":\"Prod/ECommerce\"", StringComparison.Ordinal);
        File.WriteAllText(manifest, text);
        var stacks = CloudAssemblyReader.Read(folder).Stacks.ToDictionary(s => s.Name, s => s.DeployedName);
        Assert.Equal(("prod-public-api", "ECommerce", "FrontendBackendDns"), (stacks["PublicApi"], stacks["Prod/ECommerce"], stacks["FrontendBackendDns"]));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

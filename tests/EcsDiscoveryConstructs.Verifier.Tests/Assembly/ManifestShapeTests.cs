using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.Verifier.Tests.Assembly;

/// <summary>What the reader accepts of a manifest.json: stacks by artifact type and display name, templates only inside the folder, every shape error named.</summary>
public sealed class ManifestShapeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ecs-discovery-manifest-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Manifest(string artifacts) => File.WriteAllText(Path.Combine(folder, "manifest.json"), "{\"version\":\"38.0.1\",\"artifacts\":" + artifacts + "}");

    private void Template(string file) => File.Copy(RepoRoot.ExampleTemplate("FrontendBackendDns"), Path.Combine(folder, file));

    private string Fails(IReadOnlyCollection<string>? stacks = null) => Assert.Throws<AssemblyException>(() => CloudAssemblyReader.Read(folder, stacks)).Message;

    [Fact]
    public void OnlyCloudFormationStacks_AreRead_NamedByDisplayNameElseArtifactId()
    {
        Template("a.json");
        Template("b.json");
        Manifest("""
            {"Tree":{"type":"cdk:tree","properties":{"file":"tree.json"}},
             "StackA":{"type":"aws:cloudformation:stack","displayName":"Shop","properties":{"templateFile":"a.json"}},
             "StackB":{"type":"aws:cloudformation:stack","properties":{"templateFile":"b.json"}},
             "Assets":{"type":"cdk:asset-manifest","properties":{"file":"assets.json"}}}
            """);
        Assert.Equal(["Shop", "StackB"], CloudAssemblyReader.Read(folder).Stacks.Select(s => s.Name));
        Assert.Equal(["StackB"], CloudAssemblyReader.Read(folder, ["StackB"]).Stacks.Select(s => s.Name));
        Assert.Equal(["Shop", "StackB"], CloudAssemblyReader.Read(folder, []).Stacks.Select(s => s.Name));
        Assert.Equal(folder, CloudAssemblyReader.Read(folder).Directory);
    }

    [Fact]
    public void AnAssemblyWithoutStacks_SaysSo()
    {
        Manifest("""{"Tree":{"type":"cdk:tree"}}""");
        Assert.Equal($"'{folder}' contains no CloudFormation stacks.", Fails());
    }

    [Fact]
    public void UnknownStacks_AreAllNamed()
    {
        Template("a.json");
        Manifest("""{"S":{"type":"aws:cloudformation:stack","displayName":"Shop","properties":{"templateFile":"a.json"}}}""");
        Assert.Equal("Unknown stack 'Nope', 'Other'; the assembly has Shop.", Fails(["Shop", "Nope", "Other"]));
    }

    [Theory]
    [InlineData("""{"type":"aws:cloudformation:stack","displayName":"Shop"}""", "none")]
    [InlineData("""{"type":"aws:cloudformation:stack","displayName":"Shop","properties":{}}""", "none")]
    [InlineData("""{"type":"aws:cloudformation:stack","displayName":"Shop","properties":{"templateFile":"/etc/passwd"}}""", "'/etc/passwd'")]
    [InlineData("""{"type":"aws:cloudformation:stack","displayName":"Shop","properties":{"templateFile":"../outside.json"}}""", "'../outside.json'")]
    [InlineData("""{"type":"aws:cloudformation:stack","displayName":"Shop","properties":{"templateFile":"sub\\..\\..\\outside.json"}}""", "'sub\\..\\..\\outside.json'")]
    public void ATemplateOutsideTheFolderOrNone_IsRefused(string artifact, string found)
    {
        Manifest("{\"S\":" + artifact + "}");
        Assert.Equal($"Stack 'Shop' has no templateFile inside the assembly folder in the manifest (found {found}).", Fails());
    }

    [Fact]
    public void ATemplateFileNamedWithDotsButInside_IsRead()
    {
        Template("shop..v2.template.json");
        Manifest("""{"S":{"type":"aws:cloudformation:stack","displayName":"Shop","properties":{"templateFile":"shop..v2.template.json"}}}""");
        Assert.Equal("Shop", Assert.Single(CloudAssemblyReader.Read(folder).Stacks).Name);
    }

    [Theory]
    [InlineData("[]", "the document is a list, expected an object")]
    [InlineData("""{"artifacts":[]}""", "artifacts is a list, expected an object")]
    [InlineData("""{"version":"1"}""", "artifacts is missing, expected an object")]
    [InlineData("""{"artifacts":{"S":"stack"}}""", "artifacts.S is a string, expected an object")]
    [InlineData("""{"artifacts":{"S":{"type":1}}}""", "artifacts.S.type is a number, expected a string")]
    [InlineData("""{"artifacts":{"S":{"type":"aws:cloudformation:stack","displayName":true}}}""", "artifacts.S.displayName is a boolean, expected a string")]
    [InlineData("""{"artifacts":{"S":{"type":"aws:cloudformation:stack","properties":"x"}}}""", "artifacts.S.properties is a string, expected an object")]
    [InlineData("""{"artifacts":{"S":{"type":"aws:cloudformation:stack","properties":{"templateFile":{}}}}}""", "artifacts.S.properties.templateFile is an object, expected a string")]
    public void AManifestOfAnotherShape_NamesThePath(string manifest, string message)
    {
        var path = Path.Combine(folder, "manifest.json");
        File.WriteAllText(path, manifest);
        Assert.Equal($"{path}: {message}", Fails());
    }

    [Fact]
    public void AManifestThatIsAFolder_IsNotRead()
    {
        Directory.CreateDirectory(Path.Combine(folder, "manifest.json"));
        Assert.StartsWith("manifest.json", Fails(), StringComparison.Ordinal);
    }
}

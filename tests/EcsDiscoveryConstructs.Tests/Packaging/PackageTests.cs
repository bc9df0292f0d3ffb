using System.IO.Compression;
using System.Xml.Linq;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Packaging;

/// <summary>
/// <c>dotnet pack</c> of the three packages (from the Release build the test run made): their nuspecs carry the full
/// metadata, the library's CDK dependencies are ranges, and each package holds its licence, notice and readme.
/// </summary>
public sealed class PackageTests : IClassFixture<PackageTests.Packed>
{
    private static readonly XNamespace Ns2013 = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";
    private readonly Packed packed;

    public PackageTests(Packed packed) => this.packed = packed;

    [Theory]
    [InlineData("EcsDiscoveryConstructs")]
    [InlineData("EcsDiscoveryConstructs.Tool")]
    [InlineData("EcsDiscoveryConstructs.Testing")]
    public void Package_HasCompleteMetadata_LicenceReadmeAndSymbols(string id)
    {
        var (files, metadata) = packed.Read(id);
        Assert.Equal(id, Value(metadata, "id"));
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", Value(metadata, "version"));
        Assert.Equal("EcsDiscoveryConstructs contributors", Value(metadata, "authors"));
        Assert.Equal("Apache-2.0", Value(metadata, "license"));
        Assert.Equal("expression", metadata.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")!.Value);
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.StartsWith("https://github.com/", Value(metadata, "projectUrl"), StringComparison.Ordinal);
        Assert.StartsWith("https://github.com/", metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value, StringComparison.Ordinal);
        Assert.True(Value(metadata, "description").Length > 80, "a real description");
        Assert.Contains("aws", Value(metadata, "tags").Split(' '));
        Assert.Contains("LICENSE", files);
        Assert.Contains("NOTICE", files);
        Assert.Contains("README.md", files);
        Assert.True(File.Exists(Path.Combine(packed.Folder, $"{id}.{Value(metadata, "version")}.snupkg")), "symbol package");
    }

    [Fact]
    public void Library_DependsOnCdkRanges_NotExactPins()
    {
        var (_, metadata) = packed.Read("EcsDiscoveryConstructs");
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value);
        Assert.Equal(new Dictionary<string, string> { ["Amazon.CDK.Lib"] = "[2.160.0, 3.0.0)", ["Constructs"] = "[10.0.5, 11.0.0)" }, dependencies);
        Assert.Equal(Ns2013, metadata.Name.Namespace);
    }

    [Fact]
    public void TheRepository_BuildsAndTestsAgainstTheLowestVersionOfTheRange()
    {
        // Restore takes the lowest version a range allows: what the tests run is exactly what the range starts at.
        foreach (var project in new[] { "tests/EcsDiscoveryConstructs.Tests", "src/EcsDiscoveryConstructs" })
        {
            using var assets = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, project, "obj", "project.assets.json")));
            var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name).ToList();
            Assert.Contains("Amazon.CDK.Lib/2.160.0", libraries);
            Assert.Contains("Constructs/10.0.5", libraries);
            Assert.Single(libraries, l => l.StartsWith("Amazon.CDK.Lib/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Tool_IsADotnetToolNamedEcsDiscovery()
    {
        var (files, metadata) = packed.Read("EcsDiscoveryConstructs.Tool");
        Assert.Equal("DotnetTool", metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")!.Value);
        var settings = files.Single(f => f.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.Contains("Command Name=\"ecs-discovery\"", packed.Text("EcsDiscoveryConstructs.Tool", settings), StringComparison.Ordinal);
        Assert.Contains(files, f => f.EndsWith("/EcsDiscoveryConstructs.Verifier.dll", StringComparison.Ordinal));
    }

    [Fact]
    public void Library_CarriesTheCanaryExecutable_ForLinuxX64_InUnderTenMegabytes()
    {
        var package = Directory.EnumerateFiles(packed.Folder, "EcsDiscoveryConstructs.0*.nupkg").Single();
        Assert.True(new FileInfo(package).Length < 10 * 1024 * 1024, $"the library package is {new FileInfo(package).Length} bytes");
        var dll = Path.Combine(packed.Folder, "library-from-package.dll");
        using (var zip = ZipFile.OpenRead(package))
        {
            zip.Entries.Single(e => e.FullName == "lib/net10.0/EcsDiscoveryConstructs.dll").ExtractToFile(dll);
        }

        using var stream = System.Reflection.Assembly.LoadFile(dll).GetManifestResourceStream("EcsDiscoveryConstructs.Canary.bootstrap")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(EcsDiscoveryConstructs.Canary.CanaryBootstrap.Bytes()), System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Equal("\u007fELF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(0x3E, BitConverter.ToUInt16(bytes, 18)); // e_machine EM_X86_64: Lambda's x86_64 architecture
    }

    private static string Value(XElement metadata, string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

    /// <summary>Packs the three packages once for the class into a temporary folder.</summary>
    public sealed class Packed : IDisposable
    {
        public Packed()
        {
            Folder = Directory.CreateTempSubdirectory("packages-").FullName;
            foreach (var project in new[] { "src/EcsDiscoveryConstructs", "src/EcsDiscoveryConstructs.Cli", "src/EcsDiscoveryConstructs.Testing" })
            {
                // Its own nuspec folder: the quickstart test packs the same projects in another process.
                var (exit, output) = ProcessRun.Dotnet(RepoPaths.Root, TimeSpan.FromMinutes(3), "pack", project, "-c", "Release", "--no-build", "-o", Folder, $"-p:NuspecOutputPath={Path.Combine(Folder, "nuspec")}", "-nologo");
                if (exit != 0)
                {
                    throw new InvalidOperationException($"dotnet pack {project} failed ({exit}):\n{output}");
                }
            }
        }

        public string Folder { get; }

        public (IReadOnlyList<string> Files, XElement Metadata) Read(string id)
        {
            using var zip = ZipFile.OpenRead(Single(id));
            var nuspec = zip.Entries.Single(e => e.FullName == $"{id}.nuspec");
            using var stream = nuspec.Open();
            var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            return (zip.Entries.Select(e => e.FullName).ToList(), metadata);
        }

        public string Text(string id, string entry)
        {
            using var zip = ZipFile.OpenRead(Single(id));
            using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
            return reader.ReadToEnd();
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);

        private string Single(string id) => Directory.EnumerateFiles(Folder, $"{id}.*.nupkg").Single(f => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(f), $@"^{System.Text.RegularExpressions.Regex.Escape(id)}\.\d"));
    }
}

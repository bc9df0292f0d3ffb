using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Testing;

public sealed class SnapshotTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("snapshot-tests").FullName;

    private string SourceFile => Path.Combine(folder, "FakeTests.cs");

    [Fact]
    public void Match_MissingGolden_WritesReceivedAndFails()
    {
        var error = Assert.Throws<SnapshotMismatchException>(() => Snapshot.MatchText("{}\n", SourceFile, "Case", accept: false));
        Assert.StartsWith("No golden file FakeTests.Case.verified.json yet.", error.Message, StringComparison.Ordinal);
        Assert.Equal("{}\n", File.ReadAllText(Path.Combine(folder, "FakeTests.Case.received.json")));
    }

    [Fact]
    public void Match_DifferentGolden_FailsWithDiff()
    {
        File.WriteAllText(Path.Combine(folder, "FakeTests.Case.verified.json"), "{\n  \"TTL\": 10\n}\n");
        var error = Assert.Throws<SnapshotMismatchException>(() => Snapshot.MatchText("{\n  \"TTL\": 60\n}\n", SourceFile, "Case", accept: false));
        Assert.Contains("-   \"TTL\": 10\n+   \"TTL\": 60\n", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "FakeTests.Case.received.json")));
    }

    [Fact]
    public void Match_ChangedTemplate_ShowsTheCloudFormationDiff()
    {
        File.WriteAllText(Path.Combine(folder, "FakeTests.Case.verified.json"), "{\n  \"Resources\": {\n    \"Ns\": {\n      \"Type\": \"AWS::ServiceDiscovery::HttpNamespace\",\n      \"Properties\": {\n        \"Name\": \"a\"\n      }\n    }\n  }\n}\n");
        var error = Assert.Throws<SnapshotMismatchException>(() => Snapshot.MatchText("{\n  \"Resources\": {\n    \"Ns\": {\n      \"Type\": \"AWS::ServiceDiscovery::HttpNamespace\",\n      \"Properties\": {\n        \"Name\": \"b\"\n      }\n    }\n  }\n}\n", SourceFile, "Case", accept: false));
        Assert.Contains("CloudFormation diff (golden -> received):\n1 resource change(s), 1 replacement(s)\n[!] AWS::ServiceDiscovery::HttpNamespace Ns replace\n    Properties.Name: \"a\" -> \"b\" (requires replacement)\n", error.Message, StringComparison.Ordinal);
        Assert.Equal(ChangeKind.Replaced, Assert.Single(error.Changes).Kind);
    }

    [Fact]
    public void Match_EqualGolden_PassesAndRemovesStaleReceived()
    {
        File.WriteAllText(Path.Combine(folder, "FakeTests.Case.verified.json"), "{}\r\n");
        File.WriteAllText(Path.Combine(folder, "FakeTests.Case.received.json"), "old");
        Snapshot.MatchText("{}\n", SourceFile, "Case", accept: false);
        Assert.False(File.Exists(Path.Combine(folder, "FakeTests.Case.received.json")));
    }

    [Fact]
    public void Match_AcceptRequested_WritesGolden()
    {
        Snapshot.MatchText("{\"TTL\": 5}\n", SourceFile, "Case", accept: true);
        Assert.Equal("{\"TTL\": 5}\n", File.ReadAllText(Path.Combine(folder, "FakeTests.Case.verified.json")));
    }

    [Fact]
    public void Match_WithADeterministicBuildsMappedPath_FindsTheSourceFolderAgain()
    {
        // A CI build with ContinuousIntegrationBuild passes CallerFilePath as /_/<path from the repository root>.
        var mapped = "/_/tests/EcsDiscoveryConstructs.Tests/Testing/SnapshotTests.cs";
        var golden = Path.Combine(RepoPaths.Root, "tests", "EcsDiscoveryConstructs.Tests", "Testing", "SnapshotTests.MappedProbe.verified.json");
        try
        {
            Snapshot.MatchText("{}\n", mapped, "MappedProbe", accept: true);
            Assert.Equal("{}\n", File.ReadAllText(golden));
        }
        finally
        {
            File.Delete(golden);
        }

        Assert.Throws<DirectoryNotFoundException>(() => Snapshot.MatchText("{}\n", "/_/no/such/folder/Tests.cs", "Case", accept: false));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

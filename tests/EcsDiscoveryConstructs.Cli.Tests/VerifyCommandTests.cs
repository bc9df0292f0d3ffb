using System.Text.Json.Nodes;
using System.Xml.Linq;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.Cli.Tests;

[Collection(MotoCollection.Name)]
public sealed class VerifyCommandTests : IDisposable
{
    private readonly MotoServer moto;
    private readonly RawCloudMap raw;
    private readonly string assembly = RepoRoot.ExampleAssembly();

    public VerifyCommandTests(MotoServer moto)
    {
        this.moto = moto;
        moto.Reset();
        raw = new RawCloudMap(moto.Endpoint);
    }


    private void Deploy(string stack) => EcsLikeRegistration.Deploy(raw, TemplateTopologyReader.Read(stack, File.ReadAllText(RepoRoot.ExampleTemplate(stack))));

    private string[] Verify(string stack, params string[] more) => ["verify", "--no-ecs", "--assembly", assembly, "--stack", stack, "--endpoint-url", moto.Endpoint.ToString(), .. more];

    [Fact]
    public void CleanRegistry_Exits0AndListsEveryCheck()
    {
        Deploy("ECommerce");
        var (exit, output, error) = CliRun.Run(Verify("ECommerce"));
        Assert.Equal(0, exit);
        Assert.StartsWith("STATUS  STACK      CHECK", output, StringComparison.Ordinal);
        Assert.Contains("PASS    ECommerce  instance-count", output, StringComparison.Ordinal);
        Assert.Matches("^ecs-discovery verify: [0-9]+ passed, 0 failed, 0 warnings, 0 skipped \\([0-9]+ API requests: [0-9]+ Cloud Map\\)\n$", error);
    }

    [Fact]
    public void Fault_Exits1AndNamesStackNamespaceServiceAndDifference()
    {
        Deploy("ECommerce");
        var id = raw.FirstInstanceId("payments");
        raw.Call("DeregisterInstance", new JsonObject { ["ServiceId"] = raw.ServiceId("payments"), ["InstanceId"] = id });
        var (exit, output, _) = CliRun.Run(Verify("ECommerce"));
        Assert.Equal(1, exit);
        Assert.Matches("FAIL +ECommerce +instance-count +internal.example.com/payments +1 instances, expected 2", output);
    }

    [Fact]
    public void JsonOutput_IsTheDocumentedSchema()
    {
        Deploy("HttpApiDiscovery");
        var file = Path.Combine(assembly, "report.json");
        File.WriteAllText(file, "an earlier run's report, replaced");
        var (exit, output, _) = CliRun.Run(Verify("HttpApiDiscovery", "--output", "json", "--report-file", file));
        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!;
        Assert.Equal((1, true), (json["version"]!.GetValue<int>(), json["passed"]!.GetValue<bool>()));
        Assert.Equal(["failed", "passed", "skipped", "warnings"], json["summary"]!.AsObject().Select(p => p.Key).Order());
        var first = json["results"]![0]!.AsObject();
        Assert.Equal(["actual", "check", "expected", "message", "stack", "status", "target"], first.Select(p => p.Key).Order());
        Assert.Equal(("HttpApiDiscovery", "namespace-exists", "shop-api", "pass"), (first["stack"]!.GetValue<string>(), first["check"]!.GetValue<string>(), first["target"]!.GetValue<string>(), first["status"]!.GetValue<string>()));
        Assert.Equal(output, File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFiles(assembly, "report.json*"));
    }

    [Fact]
    public void JsonOutput_FailureCarriesExpectedAndActualAsData()
    {
        Deploy("ECommerce");
        raw.Call("DeregisterInstance", new JsonObject { ["ServiceId"] = raw.ServiceId("payments"), ["InstanceId"] = raw.FirstInstanceId("payments") });
        var (exit, output, _) = CliRun.Run(Verify("ECommerce", "--output", "json"));
        Assert.Equal(1, exit);
        var failure = JsonNode.Parse(output)!["results"]!.AsArray().Single(r => r!["status"]!.GetValue<string>() == "fail" && r["check"]!.GetValue<string>() == "instance-count")!;
        Assert.Equal(("2", "1"), (failure["expected"]!.GetValue<string>(), failure["actual"]!.GetValue<string>()));
    }

    [Fact]
    public void ReportFileThatIsAFifo_IsRefusedAndLeftAlone()
    {
        Deploy("HttpApiDiscovery");
        var fifo = Path.Combine(assembly, "report.fifo");
        SpecialFiles.Fifo(fifo);
        var (exit, _, error) = CliRun.Run(Verify("HttpApiDiscovery", "--report-file", fifo));
        Assert.Equal(2, exit);
        Assert.Equal($"ecs-discovery verify: cannot write the report file: '{fifo}' exists and is not a regular file (a device, FIFO or socket); it is never replaced\n", error);
        Assert.Equal(Verifier.Input.FileKind.Special, Verifier.Input.FileKinds.Of(fifo, followLinks: false));
    }

    [Fact]
    public void Help_ShowsTheRangeOfEveryNumericOption()
    {
        var (exit, output, _) = CliRun.Run("verify", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("(0-86400)", output, StringComparison.Ordinal);
        Assert.Contains("0.1-1000", output, StringComparison.Ordinal);
        Assert.Contains("1-64", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportFileThatIsASymlink_IsRefusedAndTheTargetKept()
    {
        Deploy("HttpApiDiscovery");
        var target = Path.Combine(assembly, "keep.txt");
        File.WriteAllText(target, "keep me");
        var link = Path.Combine(assembly, "report.json");
        File.CreateSymbolicLink(link, target);
        var (exit, _, error) = CliRun.Run(Verify("HttpApiDiscovery", "--output", "json", "--report-file", link));
        Assert.Equal(2, exit);
        Assert.Equal($"ecs-discovery verify: cannot write the report file: '{link}' is a symbolic link; name the file itself (links are not followed)\n", error);
        Assert.Equal("keep me", File.ReadAllText(target));
    }

    [Fact]
    public void ReportFileInAMissingFolder_Exits2AndLeavesNothing()
    {
        Deploy("HttpApiDiscovery");
        var folder = Path.Combine(assembly, "no-such-folder");
        var (exit, _, error) = CliRun.Run(Verify("HttpApiDiscovery", "--report-file", Path.Combine(folder, "report.txt")));
        Assert.Equal(2, exit);
        Assert.StartsWith("ecs-discovery verify: cannot write the report file: ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void JUnitOutput_IsValidJUnitXmlWithFailures()
    {
        Deploy("HttpApiDiscovery");
        raw.Call("DeleteService", new JsonObject { ["Id"] = raw.ServiceId("inventory") });
        var (exit, output, _) = CliRun.Run(Verify("HttpApiDiscovery", "--output", "junit"));
        Assert.Equal(1, exit);
        var root = XDocument.Parse(output).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        var suite = Assert.Single(root.Elements("testsuite"));
        Assert.Equal("HttpApiDiscovery", suite.Attribute("name")!.Value);
        Assert.Equal(suite.Elements("testcase").Count().ToString(System.Globalization.CultureInfo.InvariantCulture), suite.Attribute("tests")!.Value);
        var failure = Assert.Single(suite.Descendants("failure"));
        Assert.Equal("service 'inventory' does not exist in namespace 'shop-api'", failure.Attribute("message")!.Value);
        Assert.Equal("service-exists shop-api/inventory", failure.Parent!.Attribute("name")!.Value);
    }

    [Fact]
    public void Wait_PollsUntilTheDeadlineThenReportsTheFailures()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (exit, output, _) = CliRun.Run(Verify("HttpApiDiscovery", "--wait", "1"));
        Assert.Equal(1, exit);
        // The deadline is a timer: it may fire a fraction of a millisecond early, never a poll interval early.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"returned after {clock.Elapsed}");
        Assert.Contains("namespace 'shop-api' (HTTP) does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreachableEndpoint_Exits2WithReason()
    {
        var (exit, output, error) = CliRun.Run("verify", "--assembly", assembly, "--stack", "HttpApiDiscovery", "--endpoint-url", ScriptedEndpoint.Refusing().ToString());
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.StartsWith("ecs-discovery verify: ListNamespaces failed: ConnectionFailed: cannot reach http://127.0.0.1:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Throttled_Exits2SayingSo()
    {
        using var fake = new ScriptedEndpoint((_, _) => (429, "{\"__type\":\"RequestLimitExceeded\",\"Message\":\"Rate exceeded\"}", TimeSpan.Zero));
        var (exit, _, error) = CliRun.Run("verify", "--assembly", assembly, "--stack", "HttpApiDiscovery", "--endpoint-url", fake.Endpoint.ToString());
        Assert.Equal(2, exit);
        Assert.Equal("ecs-discovery verify: throttled past the retries: ListNamespaces failed: RequestLimitExceeded: Rate exceeded\n", error);
    }

    [Theory]
    [InlineData("UnrecognizedClientException")]
    [InlineData("InvalidSignatureException")]
    [InlineData("AccessDeniedException")]
    [InlineData("ExpiredTokenException")]
    [InlineData("InvalidClientTokenId")]
    public void RefusedCredentials_Exit2SayingSo(string code)
    {
        using var fake = new ScriptedEndpoint((_, _) => (400, $"{{\"__type\":\"{code}\",\"Message\":\"no entry\"}}", TimeSpan.Zero));
        var (exit, _, error) = CliRun.Run("verify", "--assembly", assembly, "--stack", "HttpApiDiscovery", "--endpoint-url", fake.Endpoint.ToString());
        Assert.Equal((2, $"ecs-discovery verify: the credentials were refused: ListNamespaces failed: {code}: no entry\n"), (exit, error));
    }

    [Fact]
    public void AnotherClientError_IsPassedOnAsItIs()
    {
        using var fake = new ScriptedEndpoint((_, _) => (400, "{\"__type\":\"InvalidInput\",\"Message\":\"bad filter\"}", TimeSpan.Zero));
        var (exit, _, error) = CliRun.Run("verify", "--assembly", assembly, "--stack", "HttpApiDiscovery", "--endpoint-url", fake.Endpoint.ToString());
        Assert.Equal((2, "ecs-discovery verify: ListNamespaces failed: InvalidInput: bad filter\n"), (exit, error));
    }

    [Fact]
    public void MalformedAnswer_Exits2()
    {
        using var fake = new ScriptedEndpoint((_, _) => (200, "not json", TimeSpan.Zero));
        var (exit, _, error) = CliRun.Run("verify", "--assembly", assembly, "--endpoint-url", fake.Endpoint.ToString());
        Assert.Equal(2, exit);
        Assert.Contains("MalformedResponse", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--endpoint-url", "ftp://example.com", "--endpoint-url 'ftp://example.com' is not an http(s) URL")]
    [InlineData("--wait", "-1", "--wait -1 is out of range: use 0-86400 seconds")]
    [InlineData("--stack", "Shop", "Unknown stack 'Shop'")]
    [InlineData("--discover-rate", "0", "--discover-rate 0 is out of range: use 0.1-1000 calls per second")]
    [InlineData("--concurrency", "100", "--concurrency 100 is out of range: use 1-64")]
    public void BadArguments_Exit2WithReason(string option, string value, string reason)
    {
        var (exit, _, error) = CliRun.Run("verify", "--assembly", assembly, option, value);
        Assert.Equal(2, exit);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingAssembly_Exits2()
    {
        var (exit, _, error) = CliRun.Run("verify", "--assembly", Path.Combine(assembly, "nope"));
        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOutputFormat_Exits2()
        => Assert.Equal(2, CliRun.Run("verify", "--output", "xml").Exit);

    public void Dispose()
    {
        raw.Dispose();
        Directory.Delete(assembly, recursive: true);
    }
}

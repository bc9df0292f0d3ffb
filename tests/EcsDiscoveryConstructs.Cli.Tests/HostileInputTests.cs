using System.Diagnostics;
using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>
/// Inputs a hostile user (or a careless CI script) gave the CLI that broke its promise: every one must end
/// with exit 2 and one line on standard error, never a stack trace, a hang, a secret or a replaced file.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string assembly = RepoRoot.ExampleAssembly();
    private readonly string refusing = ScriptedEndpoint.Refusing().ToString();

    public void Dispose() => Directory.Delete(assembly, recursive: true);

    private string Manifest => Path.Combine(assembly, "manifest.json");

    private string Template(string stack = "ECommerce") => Path.Combine(assembly, $"{stack}.template.json");

    /// <summary>Runs the CLI with a time bound (a hang fails the test instead of the run).</summary>
    private static (int Exit, string Output, string Error) Bounded(params string[] args)
    {
        var run = Task.Run(() => CliRun.Run(args));
        Assert.True(run.Wait(TimeSpan.FromSeconds(30)), $"'{string.Join(' ', args)}' did not finish within 30 s");
        return run.Result;
    }

    private static void AssertCannotRun((int Exit, string Output, string Error) result, string expected)
    {
        Assert.Equal(2, result.Exit);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("ecs-discovery", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    private void BothCommandsCannotRun(string expected, string stack = "ECommerce")
    {
        AssertCannotRun(Bounded("diagram", "--assembly", assembly, "--stack", stack), expected);
        var verify = Bounded("verify", "--assembly", assembly, "--stack", stack, "--endpoint-url", refusing);
        AssertCannotRun(verify, expected);
        Assert.StartsWith("ecs-discovery verify: ", verify.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "the document is a list, expected an object")]
    [InlineData("\"x\"", "the document is a string, expected an object")]
    [InlineData("{\"artifacts\":\"x\"}", "artifacts is a string, expected an object")]
    [InlineData("{\"artifacts\":{\"ECommerce\":\"x\"}}", "artifacts.ECommerce is a string, expected an object")]
    [InlineData("{\"artifacts\":{},\"artifacts\":{}}", "is not valid JSON")]
    public void ManifestOfTheWrongShape_Exits2NamingThePath(string manifest, string expected)
    {
        File.WriteAllText(Manifest, manifest);
        BothCommandsCannotRun(expected);
    }

    [Theory]
    [InlineData("[]", "the document is a list, expected an object")]
    [InlineData("\"x\"", "the document is a string, expected an object")]
    [InlineData("{\"Resources\":{\"Bad\":\"x\"}}", "Resources.Bad is a string, expected an object")]
    [InlineData("{\"Resources\":{\"Bad\":{\"Type\":\"AWS::ECS::Service\",\"Properties\":\"x\"}}}", "Resources.Bad.Properties is a string, expected an object")]
    [InlineData("{\"Resources\":{\"Bad\":{\"Type\":7}}}", "Resources.Bad.Type is a number, expected a string")]
    public void TemplateOfTheWrongShape_Exits2NamingThePath(string template, string expected)
    {
        File.WriteAllText(Template(), template);
        BothCommandsCannotRun(expected);
    }

    [Fact]
    public void TemplateWithAPropertyOfTheWrongShapeDeeper_Exits2NamingThePath()
    {
        var template = JsonNode.Parse(File.ReadAllText(Template()))!;
        foreach (var resource in template["Resources"]!.AsObject().Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::ECS::TaskDefinition"))
        {
            resource.Value!["Properties"]!["ContainerDefinitions"] = "not a list";
        }

        File.WriteAllText(Template(), template.ToJsonString());
        BothCommandsCannotRun(".Properties.ContainerDefinitions is a string, expected a list");
    }

    [Fact]
    public void ManifestAndTemplateThatAreSymlinkLoops_Exit2()
    {
        SpecialFiles.SymlinkLoop(Manifest);
        BothCommandsCannotRun("is a symbolic link that leads nowhere");
    }

    [Fact]
    public void TemplateThatIsASymlinkLoop_Exits2()
    {
        SpecialFiles.SymlinkLoop(Template());
        BothCommandsCannotRun("is a symbolic link that leads nowhere");
    }

    [Theory]
    [InlineData("manifest")]
    [InlineData("template")]
    public void ManifestOrTemplateThatIsAFifo_Exits2WithoutBlocking(string which)
    {
        var path = which == "manifest" ? Manifest : Template();
        File.Delete(path);
        SpecialFiles.Fifo(path);

        BothCommandsCannotRun("is not a regular file");
    }

    [Fact]
    public void TemplateFileOutsideTheAssembly_Exits2()
    {
        File.WriteAllText(Manifest, File.ReadAllText(Manifest).Replace("\"ECommerce.template.json\"", "\"../../etc/passwd\"", StringComparison.Ordinal));
        BothCommandsCannotRun("has no templateFile inside the assembly folder");
    }

    [Theory]
    [InlineData("--discover-rate", "1e-300", "--discover-rate 1E-300 is out of range: use 0.1-1000 calls per second")]
    [InlineData("--discover-rate", "NaN", "--discover-rate NaN is out of range")]
    [InlineData("--discover-rate", "Infinity", "--discover-rate Infinity is out of range")]
    [InlineData("--discover-rate", "-1", "--discover-rate -1 is out of range")]
    [InlineData("--wait", "-1", "--wait -1 is out of range: use 0-86400 seconds")]
    [InlineData("--wait", "86401", "--wait 86401 is out of range")]
    [InlineData("--concurrency", "0", "--concurrency 0 is out of range: use 1-64")]
    [InlineData("--concurrency", "65", "--concurrency 65 is out of range: use 1-64")]
    [InlineData("--discover-rate", "1000.5", "--discover-rate 1000.5 is out of range: use 0.1-1000 calls per second")]
    [InlineData("--discover-rate", "0.09", "--discover-rate 0.09 is out of range: use 0.1-1000 calls per second")]
    [InlineData("--region", "us-east-1/../../x", "Region 'us-east-1/../../x' is not a Region name")]
    public void OptionOutOfRange_Exits2WithTheRange(string option, string value, string expected)
        => AssertCannotRun(Bounded("verify", "--assembly", assembly, "--endpoint-url", refusing, option, value), expected);

    [Theory]
    [InlineData("--wait", "0")]
    [InlineData("--wait", "86400")]
    [InlineData("--discover-rate", "0.1")]
    [InlineData("--discover-rate", "1000")]
    [InlineData("--concurrency", "1")]
    [InlineData("--concurrency", "64")]
    public void OptionAtTheEdgeOfItsRange_IsAccepted(string option, string value)
    {
        // Accepted values reach the next check: the Region, given here in a shape no Region has, so no request is sent.
        var result = Bounded("verify", "--assembly", assembly, "--endpoint-url", refusing, option, value, "--region", "Nowhere");
        Assert.Equal((2, "ecs-discovery verify: Region 'Nowhere' is not a Region name such as us-east-1 (lowercase letters and digits in dash-separated parts)\n"), (result.Exit, result.Error));
    }

    [Fact]
    public void EndpointWithAPassword_Exits2WithoutEchoingIt()
    {
        var result = Bounded("verify", "--assembly", assembly, "--endpoint-url", "http://admin:hunter2secret@127.0.0.1:9/");
        AssertCannotRun(result, "carries a user name or password");
        Assert.DoesNotContain("hunter2secret", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void RegistryAnswerOfTheWrongShape_Exits2NamingTheCallAndPath()
    {
        using var endpoint = new ScriptedEndpoint((_, _) => (200, "{\"Namespaces\":\"nope\"}", TimeSpan.Zero));
        var result = Bounded("verify", "--assembly", assembly, "--stack", "ECommerce", "--endpoint-url", endpoint.Endpoint.ToString());
        AssertCannotRun(result, "ListNamespaces: Namespaces is a string, expected a list");
    }

    [Fact]
    public void EndpointEchoingTheRequestHeaders_NeverShowsTheSignatureOrKey()
    {
        // A proxy or fake that puts the request's headers into its error message.
        using var endpoint = new ScriptedEndpoint((_, _, headers) =>
        {
            var echoed = string.Join("; ", headers.AllKeys.Select(k => $"{k}: {headers[k]}"));
            return (400, new JsonObject { ["__type"] = "ValidationException", ["Message"] = echoed }.ToJsonString(), TimeSpan.Zero);
        });
        var result = Bounded("verify", "--assembly", assembly, "--stack", "ECommerce", "--endpoint-url", endpoint.Endpoint.ToString());
        Assert.Equal(2, result.Exit);
        Assert.Contains("Authorization: [redacted]", result.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch("Signature=[0-9a-f]{16}", result.Error);
        Assert.DoesNotContain("Credential=testing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitAgainstAnEndpointThatNeverAnswers_IsADeadlineForTheWholeRun()
    {
        using var endpoint = new ScriptedEndpoint((_, _) => (200, "{}", TimeSpan.FromSeconds(60)));
        var clock = Stopwatch.StartNew();
        var result = Bounded("verify", "--assembly", assembly, "--stack", "ECommerce", "--endpoint-url", endpoint.Endpoint.ToString(), "--wait", "3");
        AssertCannotRun(result, "no complete answer from the registry within --wait 3 s");
        Assert.InRange(clock.Elapsed.TotalSeconds, 2.5, 8);
    }

    [Fact]
    public void DiagramOutputThatIsAFifo_IsRefusedAndLeftAlone()
    {
        // A FIFO in the test's own folder stands for any special file: a regression replaces it, never a system device.
        var fifo = Path.Combine(assembly, "diagram.fifo");
        SpecialFiles.Fifo(fifo);

        var result = Bounded("diagram", "--assembly", assembly, "--output", fifo);
        AssertCannotRun(result, $"'{fifo}' exists and is not a regular file");
        Assert.Equal(Verifier.Input.FileKind.Special, Verifier.Input.FileKinds.Of(fifo, followLinks: false));
        Assert.Empty(Directory.GetFiles(assembly, "diagram.fifo.*.tmp"));
    }

    [Fact]
    public void DiagramOutputThatIsASymlink_IsRefusedAndTheTargetKept()
    {
        var target = Path.Combine(assembly, "precious.txt");
        File.WriteAllText(target, "keep me");
        var link = Path.Combine(assembly, "diagram.md");
        File.CreateSymbolicLink(link, target);
        var result = Bounded("diagram", "--assembly", assembly, "--output", link);
        AssertCannotRun(result, "is a symbolic link; name the file itself");
        Assert.Equal("keep me", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void NoCredentialsReason_IsOneLineWithTheFix()
    {
        Assert.DoesNotContain('\n', AwsSettings.NoCredentials);
        Assert.Contains("--profile", AwsSettings.NoCredentials, StringComparison.Ordinal);
    }
}

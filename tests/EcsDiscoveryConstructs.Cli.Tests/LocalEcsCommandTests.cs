using Amazon.Runtime;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.LocalPeers;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>
/// <c>local-ecs</c>'s arguments, and <c>verify</c> reading ECS and the deployed stacks from the local ECS peer through the
/// SDKs' per-service endpoint variables, as a user runs it: every ECS check judges and passes on a clean local deploy.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class LocalEcsCommandTests : IDisposable
{
    private readonly MotoServer moto;
    private readonly string assembly = RepoRoot.ExampleAssembly();

    public LocalEcsCommandTests(MotoServer moto)
    {
        this.moto = moto;
        moto.Reset();
    }

    public void Dispose() => Directory.Delete(assembly, recursive: true);

    [Theory]
    [InlineData("", "ecs-discovery local-ecs: --endpoint-url is required: local-ecs answers for the tasks a local Cloud Map peer you name holds\n")]
    [InlineData("--endpoint-url http://127.0.0.1:9/ --port 0", "ecs-discovery local-ecs: --port 0 is out of range: use 1-65535\n")]
    [InlineData("--endpoint-url http://127.0.0.1:9/ --for 0", "ecs-discovery local-ecs: --for 0 is out of range: use 1-86400 seconds, or leave it out to run until interrupted\n")]
    public void BadArguments_Exit2SayingWhich(string arguments, string expected)
    {
        var (exit, _, error) = CliRun.Run(["local-ecs", "--assembly", assembly, .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        Assert.Equal((2, expected), (exit, error));
    }

    [Fact]
    public void AShortRun_AnswersThenStops()
    {
        var (exit, output, error) = CliRun.Run("local-ecs", "--assembly", assembly, "--stack", "FrontendBackendDns", "--endpoint-url", moto.Endpoint.ToString(), "--region", "us-east-1", "--port", LoopbackPorts.Tcp().ToString(System.Globalization.CultureInfo.InvariantCulture), "--for", "1");
        Assert.True(exit == 0, error);
        Assert.Matches(@"^local-ecs: answering on http://127\.0\.0\.1:\d+/ for the ECS services of FrontendBackendDns, .*; stopping after 1 s\nlocal-ecs: stopped\n$", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Verify_ThroughTheLocalEcsPeer_JudgesEveryEcsCheck_AndPasses()
    {
        using var client = Client();
        using var peer = DeployECommerceBehindAnEcsPeer(client);

        // Its own process: the endpoint variables would reach the other tests of this process.
        var (exit, output) = ProcessRun.Run("dotnet", RepoRoot.Path, TimeSpan.FromSeconds(90), PeerEnvironment(peer), "exec", typeof(CliApp).Assembly.Location, "verify", "--assembly", assembly, "--stack", "ECommerce", "--endpoint-url", moto.Endpoint.ToString());
        Assert.True(exit == 0, output);
        Assert.Matches(@"PASS +ECommerce +ecs-service +internal\.example\.com/orders +ECS service ECommerce-NetworkCluster17B54D11/orders ACTIVE", output);
        Assert.Matches(@"PASS +ECommerce +ecs-discovery-config +internal\.example\.com/orders", output);
        Assert.Matches(@"PASS +ECommerce +stale-instances +internal\.example\.com/orders +the 2 ECS-registered instances are tasks ECS runs", output);
        Assert.Matches(@"PASS +ECommerce +namespace-id +internal\.example\.com", output);
        Assert.DoesNotMatch("(FAIL|SKIP) ", output);
    }

    [Theory]
    [InlineData("--deployed-stack ECommerce --no-ecs", "ecs-discovery verify: --deployed-stack reads the stacks from CloudFormation: it cannot be combined with --no-ecs\n")]
    [InlineData("--deployed-stack ECommerce --stack ECommerce", "ecs-discovery verify: --deployed-stack names the stacks itself: leave out --stack (it selects stacks of a cloud assembly)\n")]
    [InlineData("--deployed-stack 9lives", "ecs-discovery verify: --deployed-stack '9lives' is not a stack name: 1-128 letters, digits and '-', starting with a letter (or a stack ARN)\n")]
    [InlineData("--deployed-stack web_app", "ecs-discovery verify: --deployed-stack 'web_app' is not a stack name: 1-128 letters, digits and '-', starting with a letter (or a stack ARN)\n")]
    public void DeployedStack_BadCombinationsAndNames_Exit2SayingWhich(string arguments, string expected)
    {
        var (exit, _, error) = CliRun.Run(["verify", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9/", .. arguments.Split(' ')]);
        Assert.Equal((2, expected), (exit, error));
    }

    [Fact]
    public void VerifyDeployedStack_ReadsTheTemplateFromCloudFormation_AndPassesAsTheAssemblyDoes()
    {
        using var client = Client();
        using var peer = DeployECommerceBehindAnEcsPeer(client);
        var environment = PeerEnvironment(peer);

        // No assembly at all: the folder named does not exist.
        var (exit, output) = ProcessRun.Run("dotnet", RepoRoot.Path, TimeSpan.FromSeconds(90), environment, "exec", typeof(CliApp).Assembly.Location, "verify", "--assembly", "/nonexistent", "--deployed-stack", "ECommerce", "--endpoint-url", moto.Endpoint.ToString());
        Assert.True(exit == 0, output);
        Assert.Matches(@"PASS +ECommerce +ecs-service +internal\.example\.com/orders", output);
        Assert.Matches(@"PASS +ECommerce +namespace-id +internal\.example\.com", output);
        Assert.DoesNotMatch("(FAIL|SKIP) ", output);

        var (missing, said) = ProcessRun.Run("dotnet", RepoRoot.Path, TimeSpan.FromSeconds(90), environment, "exec", typeof(CliApp).Assembly.Location, "verify", "--deployed-stack", "Nope", "--endpoint-url", moto.Endpoint.ToString());
        Assert.Equal(2, missing);
        Assert.Contains("ecs-discovery verify: stack 'Nope' is not deployed in this account and Region", said, StringComparison.Ordinal);
    }

    private CloudMapClient Client() => new(new CloudMapClientOptions { Region = "us-east-1", Credentials = new BasicAWSCredentials("testing", "testing"), EndpointUrl = moto.Endpoint });

    /// <summary>Deploys ECommerce into moto (local-deploy) and starts a local ECS and CloudFormation peer for it.</summary>
    private LocalEcsPeer DeployECommerceBehindAnEcsPeer(CloudMapClient client)
    {
        Assert.Equal(0, CliRun.Run("local-deploy", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), "--stack", "ECommerce").Exit);
        var stacks = CloudAssemblyReader.Read(assembly, ["ECommerce"]).Stacks;
        return LoopbackPorts.Bind(port => new LocalEcsPeer(client, stacks, "us-east-1", port));
    }

    /// <summary>Dummy credentials and the SDKs' endpoint variables sending ECS and CloudFormation to <paramref name="peer"/>.</summary>
    private static Dictionary<string, string> PeerEnvironment(LocalEcsPeer peer) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ENDPOINT_URL_ECS"] = peer.Endpoint.ToString(),
        ["AWS_ENDPOINT_URL_CLOUDFORMATION"] = peer.Endpoint.ToString(),
    };
}

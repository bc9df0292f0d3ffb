using System.CommandLine;
using Amazon.Runtime;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Aws;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudFormation;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Diagrams;
using EcsDiscoveryConstructs.Verifier.Dns;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.Verifier.Expectations;
using EcsDiscoveryConstructs.LocalPeers;
using EcsDiscoveryConstructs.Verifier.Reports;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>
/// <c>ecs-discovery demo</c>: the whole promise without an AWS account. Synthesizes the examples (unless cdk.out
/// is fresh), starts a local Cloud Map peer, deploys the registry state the stacks imply, verifies it with a local ECS
/// and CloudFormation peer and a local DNS peer, shows a rolling deployment passing and a crash loop failing with its
/// reason, prints the result and where the topology was written, and stops the peers.
/// </summary>
internal static class DemoCommand
{
    private const string Region = "us-east-1";

    /// <summary>The example whose DiscoveryCanary the demo runs once (its packaged bootstrap, against the local peers).</summary>
    private const string CanaryStack = "ECommerce";

    /// <summary>The longest <c>npm ci</c> or <c>cdk synth</c> may take.</summary>
    private static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(10);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var assembly = new Option<string>("--assembly") { HelpName = "folder", Description = "Where the examples are synthesized to.", DefaultValueFactory = _ => "cdk.out" };
        var endpoint = new Option<string?>("--endpoint-url") { HelpName = "url", Description = "Use this Cloud Map peer instead of starting moto_server." };
        var command = new Command("demo", "Synthesize the examples, deploy their registry state into a local Cloud Map peer and verify it.") { assembly, endpoint };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(assembly)!;
            if (!SharedOptions.TryParseEndpoint(parse.GetValue(endpoint), out var endpointUrl, out var reason))
            {
                return Fail(error, reason!);
            }

            if (Synthesize(folder, Directory.GetCurrentDirectory(), output, ExternalProcess.Run) is { } synthError)
            {
                return Fail(error, synthError);
            }

            IReadOnlyList<StackTopology> stacks;
            try
            {
                stacks = CloudAssemblyReader.Read(folder).Stacks;
            }
            catch (AssemblyException e)
            {
                return Fail(error, e.Message);
            }

            LocalPeerProcess? peer = null;
            if (endpointUrl is null)
            {
                (peer, var startError) = LocalPeerProcess.Start();
                if (peer is null)
                {
                    return Fail(error, startError!);
                }

                endpointUrl = peer.Endpoint;
                output.WriteLine($"demo: started moto_server at {endpointUrl}");
            }

            try
            {
                // A local peer does not check signatures: dummy credentials, never the caller's own.
                using var client = new CloudMapClient(new CloudMapClientOptions { Region = Region, Credentials = new BasicAWSCredentials("local", "local"), EndpointUrl = endpointUrl });
                var deployed = await LocalDeployCommand.Run(client, stacks, destroy: false, Region, output, error, cancellationToken).ConfigureAwait(false);
                if (deployed != ExitCodes.Success)
                {
                    return deployed;
                }

                VerificationReport report;
                bool scenarios;
                bool? canary;
                // What ECS runs and CloudFormation named: a local ECS peer answers from the same registry and stacks.
                using var peerClient = new CloudMapClient(new CloudMapClientOptions { Region = Region, Credentials = new BasicAWSCredentials("local", "local"), EndpointUrl = endpointUrl });
                using var ecsPeer = new LocalEcsPeer(peerClient, stacks, Region, LoopbackPort.Free());
                output.WriteLine($"demo: local ECS peer answering on {ecsPeer.Endpoint}");
                var local = new AwsClientOptions { Region = Region, Credentials = new BasicAWSCredentials("local", "local"), EndpointUrl = ecsPeer.Endpoint };
                using var ecs = new EcsClient(local);
                using var stacksReader = new CloudFormationClient(local);
                try
                {
                    var (expected, _) = await DeployedNames.ReadAsync(ExpectedState.From(stacks), stacksReader, cancellationToken).ConfigureAwait(false);
                    report = await new RegistryVerifier(client, ecs: ecs).VerifyAsync(expected, strict: true, cancellationToken).ConfigureAwait(false);

                    // What clients resolve: a local DNS peer answers from the same registry, as Route 53 would.
                    using var dns = new LocalDnsPeer(client, LoopbackPort.Free());
                    output.WriteLine($"demo: local DNS peer answering on {dns.Endpoint}");
                    report = await new DnsVerifier(new DnsClientResolver(dns.Endpoint)).AddToAsync(report, cancellationToken).ConfigureAwait(false);
                    output.Write(ReportWriter.Table(report));
                    canary = stacks.Any(st => st.Name == CanaryStack && st.Canaries.Count > 0)
                        ? DemoCanary.Run(DemoCanary.BootstrapPath(Directory.GetCurrentDirectory()), CanaryStack, endpointUrl, ecsPeer.Endpoint, dns.Endpoint, Region, output)
                        : null;
                    scenarios = await DemoScenarios.RunAsync(client, ecsPeer, ecs, expected, output, cancellationToken).ConfigureAwait(false);
                }
                catch (CloudMapException e)
                {
                    return Fail(error, e.Message);
                }

                var topology = Path.Combine(folder, "topology.md");
                if (OutputFile.TryWrite(topology, MermaidWriter.Markdown(stacks)) is { } problem)
                {
                    return Fail(error, $"cannot write {topology}: {problem}");
                }

                output.WriteLine($"demo: verify {(report.Passed ? "passed" : "FAILED")} ({client.RequestCount} Cloud Map, {ecs.RequestCount} ECS, {stacksReader.RequestCount} CloudFormation API requests); deployment scenarios {(scenarios ? "judged as expected" : "NOT judged as expected")}; canary {(canary switch { null => "skipped", true => "passed", false => "FAILED" })}; topology (Mermaid) written to {topology}");
                return report.Passed && scenarios && canary != false ? ExitCodes.Success : ExitCodes.ChecksFailed;
            }
            finally
            {
                if (peer is not null)
                {
                    peer.Dispose();
                    output.WriteLine("demo: stopped moto_server");
                }
            }
        });
        return command;
    }

    /// <summary>
    /// The files a synthesis reads: the C# sources and project files of the examples, the library and the canary it
    /// embeds (build output under bin/ and obj/ left out), the shared build and package settings, and cdk.json.
    /// </summary>
    internal static IEnumerable<string> SynthInputs(string root)
        => new[] { "examples", Path.Combine("src", "EcsDiscoveryConstructs"), Path.Combine("src", "EcsDiscoveryConstructs.Canary") }
            .Select(d => Path.Combine(root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetExtension(f) is ".cs" or ".csproj")
                .Where(f => !Path.GetRelativePath(d, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")))
            .Concat(new[] { "cdk.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json" }.Select(f => Path.Combine(root, f)))
            .Where(File.Exists);

    /// <summary>
    /// Runs <c>cdk synth</c> in <paramref name="root"/> (the repository) unless the assembly is newer than every input
    /// (<see cref="SynthInputs"/>); installs the pinned CDK CLI first when it is missing, building the app's project
    /// (<see cref="AppProject"/>) beside the install. Returns the reason on failure.
    /// </summary>
    internal static string? Synthesize(string folder, string root, TextWriter output, ExternalProcess.Runner run)
    {
        var manifest = Path.Combine(root, folder, "manifest.json");
        var cdkJson = Path.Combine(root, "cdk.json");
        if (File.Exists(manifest) && SynthInputs(root).All(f => File.GetLastWriteTimeUtc(f) <= File.GetLastWriteTimeUtc(manifest)))
        {
            output.WriteLine($"demo: using the fresh assembly in {folder}");
            return null;
        }

        if (!File.Exists(cdkJson))
        {
            return $"no fresh assembly in '{folder}' and no cdk.json here to synthesize one; run from the repository root or pass --assembly";
        }

        var environment = new Dictionary<string, string>
        {
            ["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20",
            ["CDK_DISABLE_CLI_TELEMETRY"] = "true",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        if (!File.Exists(Path.Combine(root, "node_modules", ".package-lock.json")))
        {
            // npm ci mostly waits on the disk and the network: the app's .NET build (which cdk synth would start
            // anyway) runs beside it, and cdk synth then finds it up to date.
            var project = AppProject(File.ReadAllText(cdkJson));
            output.WriteLine(project is null ? "demo: installing the pinned CDK CLI (npm ci)" : "demo: installing the pinned CDK CLI (npm ci) while building the examples");
            var build = project is { } p
                ? Task.Run(() => run("dotnet", ["build", p.Project, "-c", p.Configuration, "-nologo", "-v", "q"], root, StepLimit, environment))
                : null;
            var (npmExit, npmOutput) = run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], root, StepLimit, environment);
            var built = build?.GetAwaiter().GetResult();
            if (npmExit != 0)
            {
                return $"npm ci failed: {LastLine(npmOutput)}";
            }

            if (built is (not 0, var buildOutput))
            {
                return $"dotnet build of the examples failed: {LastLine(buildOutput)}";
            }
        }

        output.WriteLine("demo: synthesizing the example stacks (cdk synth)");
        var (exit, text) = run("npx", ["--no-install", "cdk", "synth", "--quiet", "--no-notices", "--output", folder], root, StepLimit, environment);
        return exit == 0 ? null : $"cdk synth failed: {LastLine(text)}";
    }

    /// <summary>
    /// The project and configuration cdk.json's app runs when it is <c>dotnet run [-c configuration] --project path</c>
    /// (the configuration defaults to Debug, as dotnet run's does); null for any other app.
    /// </summary>
    internal static (string Project, string Configuration)? AppProject(string cdkJson)
    {
        string? app;
        try
        {
            app = (System.Text.Json.Nodes.JsonNode.Parse(cdkJson) as System.Text.Json.Nodes.JsonObject)?["app"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        var words = app?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (words.Length < 4 || words[0] != "dotnet" || words[1] != "run")
        {
            return null;
        }

        string? project = null;
        var configuration = "Debug";
        for (var i = 2; i < words.Length; i++)
        {
            switch (words[i])
            {
                case "--project" when i + 1 < words.Length:
                    project = words[++i];
                    break;
                case "-c" or "--configuration" when i + 1 < words.Length:
                    configuration = words[++i];
                    break;
                default:
                    return null;
            }
        }

        return project is null ? null : (project, configuration);
    }

    private static string LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";

    private static int Fail(TextWriter error, string reason)
    {
        error.WriteLine($"ecs-discovery demo: {reason}");
        return ExitCodes.CannotRun;
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using EcsDiscoveryConstructs.Tests.Shared;
using Xunit.Abstractions;

namespace EcsDiscoveryConstructs.Cli.Tests.Fuzz;

/// <summary>
/// Fuzzes the CLI in-process: the example cloud assembly and live registry answers (moto behind a mutating proxy)
/// are mutated with a fixed seed, and <c>diagram</c>, <c>verify</c> and <c>local-deploy</c> run on them. Every case must
/// end with exit 0, 1 or 2 within a time bound, with no stack trace, every diagnostic line ours, and no secret in the
/// output. CI runs the default count; <c>ECS_DISCOVERY_FUZZ_CASES=N</c> (and <c>ECS_DISCOVERY_FUZZ_SEED</c>) search longer.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed partial class CliFuzzTests : IDisposable
{
    private const int DefaultCases = 240;
    private const int DefaultSeed = 20261130;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly MotoServer moto;
    private readonly ITestOutputHelper output;
    private readonly string baseline = RepoRoot.ExampleAssembly();
    private readonly MutatingProxy proxy;

    public CliFuzzTests(MotoServer moto, ITestOutputHelper output)
    {
        this.moto = moto;
        this.output = output;
        moto.Reset();
        var (exit, _, error) = CliRun.Run("local-deploy", "--assembly", baseline, "--endpoint-url", moto.Endpoint.ToString());
        Assert.True(exit == 0, error);
        proxy = new MutatingProxy(moto.Endpoint);
    }

    public void Dispose()
    {
        proxy.Dispose();
        Directory.Delete(baseline, recursive: true);
    }

    [Fact]
    public void MutatedAssembliesAndRegistryAnswers_EndWithExit012_NoStackTraceNoSecretNoHang()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("ECS_DISCOVERY_FUZZ_CASES"), out var n) && n > 0 ? n : DefaultCases;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ECS_DISCOVERY_FUZZ_SEED"), out var s) ? s : DefaultSeed;
        var exits = new int[3];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < cases; i++)
        {
            var random = new Random(seed + i);
            var folder = Directory.CreateTempSubdirectory("fuzz").FullName;
            try
            {
                var (args, mutations) = Case(random, folder);
                var (exit, stdout, stderr) = Run(args, i, seed, mutations);
                var problem = Problem(exit, stdout, stderr);
                Assert.True(problem is null, $"case {i} (ECS_DISCOVERY_FUZZ_SEED={seed}, case index {i}): {problem}\n  ecs-discovery {string.Join(' ', args)}\n  mutations: {string.Join("; ", mutations)}\n  exit {exit}\n  stderr: {Truncate(stderr)}");
                exits[exit]++;
            }
            finally
            {
                proxy.Answer = (_, _, status, body, _) => (status, body);
                Directory.Delete(folder, recursive: true);
            }
        }

        output.WriteLine($"{cases} cases from seed {seed} in {clock.Elapsed.TotalSeconds:0.0} s: exit 0 {exits[0]}, exit 1 {exits[1]}, exit 2 {exits[2]}");
        Assert.True(exits.Count(e => e > 0) >= 2, "every case ended the same way: the mutations no longer reach past the first check");
    }

    private (int Exit, string Output, string Error) Run(string[] args, int index, int seed, List<string> mutations)
    {
        proxy.NextCase();
        var run = Task.Run(() => CliRun.Run(args));
        Assert.True(run.Wait(Bound), $"case {index} (seed {seed}) did not finish within {Bound.TotalSeconds} s: ecs-discovery {string.Join(' ', args)}; {string.Join("; ", mutations)}");
        return run.Result;
    }

    /// <summary>What is wrong with an outcome, or null.</summary>
    private static string? Problem(int exit, string stdout, string stderr)
    {
        if (exit is < 0 or > 2)
        {
            return $"exit {exit}";
        }

        if (stderr.Contains("   at ", StringComparison.Ordinal) || stderr.Contains("Unhandled", StringComparison.Ordinal))
        {
            return "a stack trace";
        }

        if (stderr.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("ecs-discovery", StringComparison.Ordinal) && !line.StartsWith("Run 'ecs-discovery", StringComparison.Ordinal)))
        {
            return "a diagnostic line that is not the tool's";
        }

        if (exit == 2 && stderr.Length == 0)
        {
            return "exit 2 without a reason";
        }

        return Secret().IsMatch(stdout + stderr) ? "a signature or credential scope in the output" : null;
    }

    private (string[] Args, List<string> Mutations) Case(Random random, string folder)
    {
        foreach (var file in Directory.GetFiles(baseline))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var mutations = new List<string>();
        if (random.Next(10) < 7)
        {
            mutations.Add(MutateAssembly(random, folder));
        }

        var stack = RepoRoot.ExampleStacks[random.Next(RepoRoot.ExampleStacks.Length)];
        var command = random.Next(20) switch
        {
            < 9 => "diagram",
            < 17 => "verify",
            _ => "local-deploy",
        };
        if (command == "diagram")
        {
            return (random.Next(2) == 0 ? ["diagram", "--assembly", folder] : ["diagram", "--assembly", folder, "--stack", stack, "--format", "mermaid"], mutations);
        }

        if (random.Next(10) < 6)
        {
            mutations.Add(MutateRegistry(random));
        }

        return command == "verify"
            ? (["verify", "--assembly", folder, "--stack", stack, "--endpoint-url", proxy.Endpoint.ToString(), "--output", random.Next(3) switch { 0 => "table", 1 => "json", _ => "junit" }], mutations)
            : (["local-deploy", "--assembly", folder, "--stack", stack, "--endpoint-url", proxy.Endpoint.ToString()], mutations);
    }

    private static string MutateAssembly(Random random, string folder)
    {
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        var file = files[random.Next(files.Length)];
        var name = Path.GetFileName(file);
        switch (random.Next(20))
        {
            case 0:
                SpecialFiles.SymlinkLoop(file);
                return $"{name}: symlink loop";
            case 1:
                File.Delete(file);
                SpecialFiles.Fifo(file);

                return $"{name}: FIFO";
            case 2:
                File.Delete(file);
                Directory.CreateDirectory(file);
                return $"{name}: directory";
            case 3:
                File.WriteAllText(file, string.Empty);
                return $"{name}: empty";
            default:
                var (text, what) = JsonMutator.Mutate(File.ReadAllText(file), random);
                File.WriteAllText(file, text);
                return $"{name}: {what}";
        }
    }

    private string MutateRegistry(Random random)
    {
        var nth = random.Next(1, 8);
        var kind = random.Next(10);
        var mutationSeed = random.Next();
        proxy.Answer = (request, operation, status, body, headers) =>
        {
            if (request != nth)
            {
                return (status, body);
            }

            return kind switch
            {
                0 => (400, $"{{\"__type\":\"ValidationException\",\"Message\":\"{string.Join("; ", headers.AllKeys.Select(k => $"{k}: {headers[k]}")).Replace("\"", "'", StringComparison.Ordinal)}\"}}"),
                1 => (403, "{\"__type\":\"AccessDeniedException\",\"Message\":\"denied\"}"),
                2 => (200, "<html>proxy error</html>"),
                3 => (404, string.Empty),
                // CloudFormation answers in XML: cut short (a JSON mutation would throw in the proxy and leave the caller waiting).
                _ when body.StartsWith('<') => (status, body[..new Random(mutationSeed).Next(body.Length)]),
                _ => (status, body.Length == 0 ? body : JsonMutator.Mutate(body, new Random(mutationSeed)).Text),
            };
        };
        return $"registry answer {nth}: {kind switch { 0 => "echoes the request headers", 1 => "access denied", 2 => "HTML", 3 => "empty 404", _ => "mutated JSON" }}";
    }

    private static string Truncate(string text) => text.Length > 600 ? text[..600] + "..." : text;

    [GeneratedRegex("Signature=[0-9a-f]{16}|Credential=testing/")]
    private static partial Regex Secret();
}

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>
/// How <c>demo</c> decides to synthesize and what it runs, over a recording fake of the process runner: a fresh
/// assembly is reused, a stale one is synthesized with the pinned CDK CLI (installed first when missing), and a
/// failing step is reported by its last output line.
/// </summary>
public sealed class DemoSynthesizeTests : IDisposable
{
    private static readonly DateTime Old = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime New = Old.AddHours(1);
    private readonly string root = Directory.CreateTempSubdirectory("demo-synth-").FullName;
    private readonly List<string> calls = [];
    private readonly Queue<(int, string)> answers = new();
    private readonly StringWriter output = new();

    public DemoSynthesizeTests()
    {
        Write("cdk.json", Old);
        Write("examples/Shop/ShopStack.cs", Old);
        Write("src/EcsDiscoveryConstructs/CloudMap/DiscoveryService.cs", Old);
        Write("node_modules/.package-lock.json", Old);
    }

    [Fact]
    public void AnAssemblyNoOlderThanEverySource_IsUsedAsItIs()
    {
        Write("cdk.out/manifest.json", Old);
        Assert.Null(Synthesize());
        Assert.Empty(calls);
        Assert.Equal("demo: using the fresh assembly in cdk.out\n", Output);
    }

    [Theory]
    [InlineData("cdk.json")]
    [InlineData("examples/Shop/ShopStack.cs")]
    [InlineData("src/EcsDiscoveryConstructs/CloudMap/DiscoveryService.cs")]
    [InlineData("src/EcsDiscoveryConstructs/EcsDiscoveryConstructs.csproj")]
    [InlineData("examples/Shop/Shop.csproj")]
    [InlineData("src/EcsDiscoveryConstructs.Canary/CanaryHandler.cs")]
    [InlineData("Directory.Packages.props")]
    [InlineData("Directory.Build.props")]
    [InlineData("Directory.Build.targets")]
    [InlineData("global.json")]
    public void ASourceNewerThanTheAssembly_IsSynthesizedAgain(string source)
    {
        Write("cdk.out/manifest.json", Old);
        Write(source, New);
        answers.Enqueue((0, "done\n"));
        Assert.Null(Synthesize());
        Assert.Equal([Synth], calls);
        Assert.Equal("demo: synthesizing the example stacks (cdk synth)\n", Output);
    }

    [Fact]
    public void OnlyTheSynthesisInputsCount_NotBuildOutputDocsOrOtherProjects()
    {
        Write("cdk.out/manifest.json", Old);
        Write("examples/README.md", New);
        Write("src/EcsDiscoveryConstructs/notes.txt", New);
        Write("README.md", New);
        Write("tests/SomeTests.cs", New);
        Write("src/EcsDiscoveryConstructs.Cli/Program.cs", New);
        Write("src/EcsDiscoveryConstructs/obj/Release/net10.0/EcsDiscoveryConstructs.AssemblyInfo.cs", New);
        Write("src/EcsDiscoveryConstructs/bin/Release/net10.0/Generated.cs", New);
        Write("examples/Shop/obj/Shop.csproj", New);
        Write("src/EcsDiscoveryConstructs.Verifier/Checks/Check.cs", New);
        Write("package.json", New);
        Assert.Null(Synthesize());
        Assert.Empty(calls);
    }

    [Fact]
    public void NoAssembly_AndNoCdkJson_IsRefusedWithTheFix()
    {
        File.Delete(Path.Combine(root, "cdk.json"));
        Assert.Equal("no fresh assembly in 'cdk.out' and no cdk.json here to synthesize one; run from the repository root or pass --assembly", Synthesize());
        Assert.Empty(calls);
    }

    [Fact]
    public void NoAssembly_WithTheCdkCliInstalled_RunsOnlyTheSynth()
    {
        answers.Enqueue((0, string.Empty));
        Assert.Null(Synthesize());
        Assert.Equal([Synth], calls);
    }

    [Fact]
    public void WithoutTheCdkCli_InstallsItFirst()
    {
        File.Delete(Path.Combine(root, "node_modules", ".package-lock.json"));
        answers.Enqueue((0, string.Empty));
        answers.Enqueue((0, string.Empty));
        Assert.Null(Synthesize());
        Assert.Equal([Npm, Synth], calls);
        Assert.Equal("demo: installing the pinned CDK CLI (npm ci)\ndemo: synthesizing the example stacks (cdk synth)\n", Output);
    }

    [Fact]
    public void AFailingInstall_StopsWithItsLastLine()
    {
        File.Delete(Path.Combine(root, "node_modules", ".package-lock.json"));
        answers.Enqueue((1, "npm warn one\nnpm error code E404  \n\n"));
        Assert.Equal("npm ci failed: npm error code E404", Synthesize());
        Assert.Equal([Npm], calls);
    }

    [Theory]
    [InlineData("Error: the app failed\n   \n", "cdk synth failed: Error: the app failed")]
    [InlineData("", "cdk synth failed: no output")]
    public void AFailingSynth_IsReportedByItsLastLine(string text, string expected)
    {
        answers.Enqueue((1, text));
        Assert.Equal(expected, Synthesize());
    }

    [Theory]
    [InlineData("""{"app": "dotnet run -c Release --project examples/Shop"}""", "examples/Shop", "Release")]
    [InlineData("""{"app": "dotnet run --project examples/Shop --configuration Release"}""", "examples/Shop", "Release")]
    [InlineData("""{"app": "dotnet  run   --project examples/Shop"}""", "examples/Shop", "Debug")]
    public void ADotnetRunApp_NamesItsProjectAndConfiguration(string cdkJson, string project, string configuration)
        => Assert.Equal((project, configuration), DemoCommand.AppProject(cdkJson));

    [Theory]
    [InlineData("""{"app": "npx ts-node bin/app.ts"}""")]
    [InlineData("""{"app": "dotnet run"}""")]
    [InlineData("""{"app": "dotnet run --project"}""")]
    [InlineData("""{"app": "dotnet run -c Release --project"}""")]
    [InlineData("""{"app": "dotnet run --project examples/Shop -c"}""")]
    [InlineData("""{"app": "dotnet run -c Release"}""")]
    [InlineData("""{"app": "dotnet run -c Release --project examples/Shop -- extra"}""")]
    [InlineData("""{"app": "dotnet build --project examples/Shop"}""")]
    [InlineData("""{"app": ["dotnet", "run"]}""")]
    [InlineData("""{"output": "cdk.out"}""")]
    [InlineData("""[1, 2]""")]
    [InlineData("""{"app": "dotnet run --project examples/Shop""")]
    [InlineData("x")]
    public void AnyOtherApp_HasNoProjectToBuildAhead(string cdkJson)
        => Assert.Null(DemoCommand.AppProject(cdkJson));

    [Fact]
    public void WithoutTheCdkCli_TheAppsProjectIsBuiltBesideTheInstall_ThenSynthesized()
    {
        File.WriteAllText(Path.Combine(root, "cdk.json"), """{"app": "dotnet run -c Release --project examples/Shop"}""");
        File.Delete(Path.Combine(root, "node_modules", ".package-lock.json"));
        var (result, seen) = SynthesizeConcurrently(_ => (0, string.Empty));
        Assert.Null(result);
        Assert.Equal(["dotnet build examples/Shop -c Release -nologo -v q", "npm ci --no-audit --no-fund --loglevel=error"], seen.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal("npx --no-install cdk synth --quiet --no-notices --output cdk.out", seen[2]);
        Assert.Equal("demo: installing the pinned CDK CLI (npm ci) while building the examples\ndemo: synthesizing the example stacks (cdk synth)\n", Output);
    }

    [Theory]
    [InlineData("npm", "npm ci failed: npm error code E404")]
    [InlineData("dotnet", "dotnet build of the examples failed: npm error code E404")]
    public void AFailingInstallOrBuild_StopsBeforeTheSynth_WithItsLastLine(string failing, string expected)
    {
        File.WriteAllText(Path.Combine(root, "cdk.json"), """{"app": "dotnet run --project examples/Shop"}""");
        File.Delete(Path.Combine(root, "node_modules", ".package-lock.json"));
        var (result, seen) = SynthesizeConcurrently(program => program == failing ? (1, "first\nnpm error code E404\n") : (0, string.Empty));
        Assert.Equal(expected, result);
        Assert.Equal(2, seen.Count);
    }

    public void Dispose()
    {
        output.Dispose();
        Directory.Delete(root, recursive: true);
    }

    private string Npm => $"npm ci --no-audit --no-fund --loglevel=error | {root} | 600 s | {Environment}";

    private string Synth => $"npx --no-install cdk synth --quiet --no-notices --output cdk.out | {root} | 600 s | {Environment}";

    private static string Environment => "AWS_EC2_METADATA_DISABLED=true CDK_DISABLE_CLI_TELEMETRY=true JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20";

    private string Output => output.ToString().ReplaceLineEndings("\n");

    private string? Synthesize() => DemoCommand.Synthesize("cdk.out", root, output, (program, args, workingDirectory, limit, environment) =>
    {
        var variables = string.Join(' ', environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}"));
        calls.Add($"{program} {string.Join(' ', args)} | {workingDirectory} | {limit.TotalSeconds:0} s | {variables}");
        return answers.Dequeue();
    });

    /// <summary>Synthesizes with a runner that may be called from two threads, answering by program.</summary>
    private (string? Result, List<string> Calls) SynthesizeConcurrently(Func<string, (int, string)> answer)
    {
        var seen = new List<string>();
        var result = DemoCommand.Synthesize("cdk.out", root, output, (program, args, _, _, _) =>
        {
            lock (seen)
            {
                seen.Add($"{program} {string.Join(' ', args)}");
            }

            return answer(program);
        });
        return (result, seen);
    }

    private void Write(string relative, DateTime time)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        File.SetLastWriteTimeUtc(path, time);
    }
}

using System.Text.RegularExpressions;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>
/// docs/quickstart.md, followed as a user would against freshly packed packages (not the projects): cdk init, the
/// documented edits and package, the documented stack, cdk synth; then the tool installed from the same feed into a
/// private tool path runs --version, diagram, local-deploy and verify against a local Cloud Map peer.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed partial class QuickstartTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(4);
    private readonly MotoServer moto;
    private readonly string root = Directory.CreateTempSubdirectory("quickstart-").FullName;

    /// <summary>A version of this run only, so the machine's package cache never serves a stale build.</summary>
    private readonly string version = $"0.0.0-quickstart.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    public QuickstartTests(MotoServer moto)
    {
        this.moto = moto;
        moto.Reset();
    }

    [Fact]
    public void Quickstart_FromCdkInit_WithThePackedPackages_SynthesizesAndTheToolVerifies()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "quickstart.md")).ReplaceLineEndings("\n");
        var feed = Directory.CreateDirectory(Path.Combine(root, "feed")).FullName;
        foreach (var project in new[] { "src/EcsDiscoveryConstructs", "src/EcsDiscoveryConstructs.Cli", "src/EcsDiscoveryConstructs.Testing" })
        {
            Ok(ProcessRun.Dotnet(RepoRoot.Path, Step, "pack", project, "-c", "Release", "--no-build", "-o", feed, $"-p:MinVerVersionOverride={version}", $"-p:NuspecOutputPath={Path.Combine(root, "nuspec")}"), $"pack {project}");
        }

        // 1. cdk init (the repository's pinned CDK CLI; --generate-only: no git, no network).
        var app = Directory.CreateDirectory(Path.Combine(root, "shop")).FullName;
        Assert.Contains("cdk init app --language csharp", doc, StringComparison.Ordinal);
        Ok(ProcessRun.Run(Cdk, app, Step, null, "init", "app", "--language", "csharp", "--generate-only"), "cdk init");

        // 2. The documented framework edit and package. Two things only this machine needs: the local feed, and
        // Amazon.CDK.Lib at 2.160.0, the newest this registry serves (the template asks for the CLI's own version).
        var csprojPath = Path.Combine(app, "src", "Shop", "Shop.csproj");
        Assert.Contains("sed -i 's|<TargetFramework>net8.0</TargetFramework>|<TargetFramework>net10.0</TargetFramework>|' src/Shop/Shop.csproj", doc, StringComparison.Ordinal);
        var csproj = File.ReadAllText(csprojPath).Replace("<TargetFramework>net8.0</TargetFramework>", "<TargetFramework>net10.0</TargetFramework>", StringComparison.Ordinal);
        File.WriteAllText(csprojPath, CdkLibVersion().Replace(csproj, "<PackageReference Include=\"Amazon.CDK.Lib\" Version=\"[2.160.0,3.0.0)\" />"));
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="quickstart-feed" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        var package = AddPackage().Match(doc);
        Assert.True(package.Success, "docs/quickstart.md has no 'dotnet add src/Shop package ...' line");
        Ok(ProcessRun.Dotnet(app, Step, "add", "src/Shop", "package", package.Groups["id"].Value, "--version", version), "dotnet add package");

        // 3. The documented stack, block by block.
        var files = FileBlock().Matches(doc);
        Assert.NotEmpty(files);
        foreach (Match block in files)
        {
            File.WriteAllText(Path.Combine(app, block.Groups["path"].Value), block.Groups["code"].Value);
        }

        // 4. cdk synth, as the user runs it (cdk.json's app is 'dotnet run --project src/Shop/Shop.csproj').
        Assert.Contains("```bash\ncdk synth\n```", doc, StringComparison.Ordinal);
        Ok(ProcessRun.Run(Cdk, app, Step, null, "synth", "--quiet", "--no-notices"), "cdk synth");
        Assert.True(File.Exists(Path.Combine(app, "cdk.out", "ShopStack.template.json")), "cdk synth wrote no ShopStack template");

        // 5. The tool from the feed, in a private tool path, with the documented commands.
        var toolId = Regex.Match(doc, @"dotnet tool install --global (?<id>\S+)").Groups["id"].Value;
        var tools = Path.Combine(root, "tools");
        Ok(ProcessRun.Dotnet(app, Step, "tool", "install", toolId, "--tool-path", tools, "--version", version, "--add-source", feed), "dotnet tool install");
        var tool = Path.Combine(tools, "ecs-discovery");
        // The package carries this run's version; the tool reports the version its assembly was built with (MinVer).
        var (versionExit, versionText) = ProcessRun.Run(tool, app, Step, null, "--version");
        Assert.Equal(0, versionExit);
        var built = typeof(CliApp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false).Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        Assert.Equal(built, versionText.Trim());

        Assert.Contains("ecs-discovery diagram --assembly cdk.out", doc, StringComparison.Ordinal);
        var (diagramExit, diagram) = ProcessRun.Run(tool, app, Step, null, "diagram", "--assembly", "cdk.out");
        Assert.True(diagramExit == 0, diagram);
        Assert.Contains("orders", diagram, StringComparison.Ordinal);

        var peer = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "testing", ["AWS_SECRET_ACCESS_KEY"] = "testing", ["AWS_REGION"] = "us-east-1", ["CI"] = "true" };
        Assert.Contains("ecs-discovery local-deploy --assembly cdk.out --endpoint-url", doc, StringComparison.Ordinal);
        Ok(ProcessRun.Run(tool, app, Step, peer, "local-deploy", "--assembly", "cdk.out", "--endpoint-url", moto.Endpoint.ToString()), "local-deploy");
        var (verifyExit, report) = ProcessRun.Run(tool, app, Step, peer, "verify", "--no-ecs", "--assembly", "cdk.out", "--endpoint-url", moto.Endpoint.ToString());
        Assert.True(verifyExit == 0, report);
        Assert.Contains("shop.internal/orders", report, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        // The packages of this run left in the machine's NuGet cache (only this run's version).
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "ecsdiscoveryconstructs", "ecsdiscoveryconstructs.tool", "ecsdiscoveryconstructs.testing" })
        {
            var folder = Path.Combine(cache, id, version);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Cdk => Path.Combine(RepoRoot.Path, "node_modules", ".bin", "cdk");

    private static void Ok((int Exit, string Output) result, string step)
        => Assert.True(result.Exit == 0, $"{step} exited {result.Exit}:\n{result.Output}");

    [GeneratedRegex("<PackageReference Include=\"Amazon.CDK.Lib\" Version=\"[^\"]*\" />")]
    private static partial Regex CdkLibVersion();

    [GeneratedRegex(@"dotnet add src/Shop package (?<id>[A-Za-z0-9.]+)\n")]
    private static partial Regex AddPackage();

    [GeneratedRegex("```csharp file=(?<path>\\S+)\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FileBlock();
}

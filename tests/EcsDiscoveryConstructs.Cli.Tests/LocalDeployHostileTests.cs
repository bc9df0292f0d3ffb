using System.Diagnostics;
using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Cli.Tests;

[Collection(MotoCollection.Name)]
public sealed class LocalDeployHostileTests : IDisposable
{
    private readonly MotoServer moto;
    private readonly string assembly = RepoRoot.ExampleAssembly();

    public LocalDeployHostileTests(MotoServer moto)
    {
        this.moto = moto;
        moto.Reset();
    }

    public void Dispose() => Directory.Delete(assembly, recursive: true);

    [Fact]
    public void DesiredCountOfATrillion_Exits2QuicklyInsteadOfRegisteringWithoutEnd()
    {
        var path = Path.Combine(assembly, "FrontendBackendDns.template.json");
        var template = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var service in template["Resources"]!.AsObject().Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::ECS::Service"))
        {
            service.Value!["Properties"]!["DesiredCount"] = 1e12;
        }

        File.WriteAllText(path, template.ToJsonString());
        var clock = Stopwatch.StartNew();
        var (exit, _, error) = CliRun.Run("local-deploy", "--assembly", assembly, "--stack", "FrontendBackendDns", "--endpoint-url", moto.Endpoint.ToString());
        Assert.Equal(2, exit);
        Assert.Matches("^ecs-discovery local-deploy: ECS service '[^']+' of stack 'FrontendBackendDns' asks for 2147483647 tasks; a Cloud Map service holds 0-1000 instances", error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}

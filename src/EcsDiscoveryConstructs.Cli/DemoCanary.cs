using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.LocalPeers;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>
/// The demo's canary run: the packaged <c>bootstrap</c> the library embeds, handed one scheduled event by a local
/// Lambda Runtime API, reading its stack from the local CloudFormation peer and checking moto and the local DNS peer,
/// as it would in the VPC.
/// </summary>
internal static class DemoCanary
{
    /// <summary>
    /// Where the library build publishes the bootstrap (linux-x64, self-contained, trimmed) in the checkout that holds
    /// <paramref name="start"/> or the tool itself (searched upwards, at most 8 levels); null when there is none.
    /// </summary>
    public static string? BootstrapPath(string start)
    {
        foreach (var from in new[] { start, AppContext.BaseDirectory })
        {
            var folder = new DirectoryInfo(from);
            for (var level = 0; folder is not null && level < 8; level++, folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "src", "EcsDiscoveryConstructs", "obj", "canary", "publish", "bootstrap");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Runs one canary invocation for <paramref name="stack"/>; null (after a line saying why) when there is no packaged
    /// bootstrap for this machine, else whether every check passed.
    /// </summary>
    public static bool? Run(string? bootstrap, string stack, Uri cloudMap, Uri ecsAndCloudFormation, System.Net.IPEndPoint dns, string region, TextWriter output)
    {
        if (bootstrap is null || !OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            output.WriteLine("demo: canary skipped: the packaged bootstrap runs on x86_64 Linux and is built with the library");
            return null;
        }

        using var runtime = new LocalLambdaRuntime(LoopbackPort.Free());
        var environment = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{runtime.Port}",
            ["AWS_REGION"] = region,
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_ENDPOINT_URL_SERVICEDISCOVERY"] = cloudMap.ToString(),
            ["AWS_ENDPOINT_URL_ECS"] = ecsAndCloudFormation.ToString(),
            ["AWS_ENDPOINT_URL_CLOUDFORMATION"] = ecsAndCloudFormation.ToString(),
            ["ECS_DISCOVERY_STACK"] = stack,
            ["ECS_DISCOVERY_CANARY"] = $"{stack}/DiscoveryCanary",
            ["ECS_DISCOVERY_DNS_RESOLVER"] = dns.ToString(),
            ["ECS_DISCOVERY_MAX_INVOCATIONS"] = "1",
        };
        var (exit, log) = ExternalProcess.Run(bootstrap, [], Directory.GetCurrentDirectory(), TimeSpan.FromSeconds(90), environment);
        if (exit != 0 || !runtime.Results.TryDequeue(out var result) || result.Kind != "response")
        {
            output.WriteLine($"demo: canary FAILED to run (exit {exit}): {Verifier.Redaction.Redactor.FirstLine(log)}");
            return false;
        }

        var summary = JsonNode.Parse(result.Body)!.AsObject();
        var passed = summary["passed"]?.GetValue<bool>() == true;
        output.WriteLine($"demo: canary (packaged bootstrap, one scheduled run) for {stack}: {summary["checksPassed"]} passed, {summary["checksFailed"]} failed, {summary["checksSkipped"]} skipped, read from its deployed stack");
        return passed;
    }
}

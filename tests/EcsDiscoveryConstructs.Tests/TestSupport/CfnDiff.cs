using System.Diagnostics;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>
/// Runs <c>scripts/cfn-diff.js</c> (@aws-cdk/cloudformation-diff) for a readable per-resource CloudFormation diff.
/// Returns null when Node or the npm packages are missing, so callers fall back to the line diff.
/// </summary>
internal static class CfnDiff
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string? Describe(string goldenPath, string receivedPath)
    {
        var script = Path.Combine(RepoPaths.Root, "scripts", "cfn-diff.js");
        if (!Directory.Exists(Path.Combine(RepoPaths.Root, "node_modules", "@aws-cdk", "cloudformation-diff")))
        {
            return null;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", [script, goldenPath, receivedPath])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepoPaths.Root,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode == 0 ? output.Result : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

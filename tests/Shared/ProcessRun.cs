using System.Diagnostics;

namespace EcsDiscoveryConstructs.Tests.Shared;

/// <summary>Runs a program to completion, bounded in time (killed with its children when late); returns exit code and output.</summary>
internal static class ProcessRun
{
    public static (int Exit, string Output) Run(string program, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["CDK_DISABLE_CLI_TELEMETRY"] = "true";
        start.Environment["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>Runs the dotnet CLI.</summary>
    public static (int Exit, string Output) Dotnet(string workingDirectory, TimeSpan timeout, params string[] arguments)
        => Run("dotnet", workingDirectory, timeout, null, arguments);
}

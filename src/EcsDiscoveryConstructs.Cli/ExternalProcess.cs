using System.Diagnostics;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>Runs a command to completion with a time limit; output is captured, never interleaved with ours.</summary>
internal static class ExternalProcess
{
    /// <summary>How commands run <see cref="Run"/> (tests pass a recording fake).</summary>
    public delegate (int Exit, string Output) Runner(string program, IReadOnlyList<string> args, string workingDirectory, TimeSpan limit, IReadOnlyDictionary<string, string> environment);

    /// <summary>Returns the exit code and the combined output; -1 when the program is missing or the limit passed (it is then killed).</summary>
    public static (int Exit, string Output) Run(string program, IReadOnlyList<string> args, string workingDirectory, TimeSpan limit, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"cannot run {program}: {e.Message}");
        }

        using (process)
        {
            if (process is null)
            {
                return (-1, $"cannot run {program}");
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{program} did not finish within {limit.TotalSeconds:0} s");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    /// <summary>True when <paramref name="program"/> is a file in a folder of PATH.</summary>
    public static bool OnPath(string program) => OnPath(program, Environment.GetEnvironmentVariable("PATH"));

    /// <summary>True when <paramref name="program"/> is a file in a folder of <paramref name="searchPath"/>; an empty entry is not the current folder.</summary>
    public static bool OnPath(string program, string? searchPath)
        => searchPath is not null && searchPath.Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}

using System.Diagnostics;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>Runs a command to completion with a time limit; output is captured, never interleaved with ours.</summary>
internal static class ExternalProcess
{
    /// <summary>Returns the exit code and the combined output; -1 when the program is missing or the limit passed (it is then killed).</summary>
    public static (int Exit, string Output) Run(string program, IEnumerable<string> args, TimeSpan limit, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
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
                return (-1, $"{program} did not finish within {limit.TotalMinutes:0} min");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    /// <summary>True when <paramref name="program"/> is an executable on PATH.</summary>
    public static bool OnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}

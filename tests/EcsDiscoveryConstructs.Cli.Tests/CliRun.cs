namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, as the tests need it.</summary>
internal static class CliRun
{
    /// <summary>The exit code, standard output and standard error (LF line endings).</summary>
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }
}

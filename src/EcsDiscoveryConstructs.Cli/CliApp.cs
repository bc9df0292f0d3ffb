using System.CommandLine;
using EcsDiscoveryConstructs.Verifier.Redaction;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>Parses arguments and runs one command; argument errors exit with 2 and a one-line reason.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        // Every line the tool prints passes the redactor: credentials, signatures, tokens and URL passwords never show,
        // whatever a server or an exception message carries.
        using var safeOutput = new RedactingWriter(output);
        using var safeError = new RedactingWriter(error);
        try
        {
            return RunCommand(args, safeOutput, safeError);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The contract is exit 2 with a one-line reason for anything that cannot be checked, never a stack trace.
            safeError.WriteLine($"ecs-discovery: could not run ({e.GetType().Name}: {Redactor.FirstLine(e.Message)}). This is a bug; please report it with the command line.");
            return ExitCodes.CannotRun;
        }
    }

    private static int RunCommand(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("ecs-discovery: service-discovery tools for EcsDiscoveryConstructs apps.")
        {
            DiagramCommand.Create(output, error),
            VerifyCommand.Create(output, error),
            ExecCheckCommand.Create(output, error),
            LocalDeployCommand.Create(output, error),
            LocalDnsCommand.Create(output, error),
            LocalEcsCommand.Create(output, error),
            DemoCommand.Create(output, error),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"ecs-discovery: {problem.Message}");
            }

            error.WriteLine("Run 'ecs-discovery --help' for usage.");
            return ExitCodes.CannotRun;
        }

        return parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }).GetAwaiter().GetResult();
    }
}

using System.CommandLine;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>Parses arguments and runs one command; argument errors exit with 2 and a one-line reason.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("ecs-discovery: service-discovery tools for EcsDiscoveryConstructs apps.")
        {
            DiagramCommand.Create(output, error),
            VerifyCommand.Create(output, error),
            LocalDeployCommand.Create(output, error),
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

        return parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).GetAwaiter().GetResult();
    }
}

using System.CommandLine;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Diagrams;

namespace EcsDiscoveryConstructs.Cli;

/// <summary><c>ecs-discovery diagram</c>: writes a Mermaid graph of who discovers whom, by which mode and port.</summary>
internal static class DiagramCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var assembly = new Option<string>("--assembly") { HelpName = "folder", Description = "The cloud assembly folder to read.", DefaultValueFactory = _ => "cdk.out" };
        var stacks = new Option<string[]>("--stack") { HelpName = "name", Description = "A stack to draw (repeatable). Default: every stack.", AllowMultipleArgumentsPerToken = false };
        var format = new Option<string>("--format") { Description = "markdown (a section per stack) or mermaid (one stack only).", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "mermaid");
        var file = new Option<string?>("--output") { HelpName = "path", Description = "Write to this file instead of standard output." };

        var command = new Command("diagram", "Write a Mermaid graph of the discovery topology declared in a cloud assembly.") { assembly, stacks, format, file };
        command.SetAction(parse =>
        {
            try
            {
                var topology = CloudAssemblyReader.Read(parse.GetValue(assembly)!, parse.GetValue(stacks));
                string text;
                if (parse.GetValue(format) == "mermaid")
                {
                    if (topology.Stacks.Count != 1)
                    {
                        error.WriteLine($"ecs-discovery: --format mermaid draws one stack, but {topology.Stacks.Count} were selected; add --stack <name> or use --format markdown.");
                        return ExitCodes.CannotRun;
                    }

                    text = MermaidWriter.Flowchart(topology.Stacks[0]);
                }
                else
                {
                    text = MermaidWriter.Markdown(topology.Stacks);
                }

                if (parse.GetValue(file) is { } path)
                {
                    if (OutputFile.TryWrite(path, text) is { } problem)
                    {
                        error.WriteLine($"ecs-discovery: cannot write the diagram: {problem}");
                        return ExitCodes.CannotRun;
                    }

                    output.WriteLine($"Wrote {topology.Stacks.Count} stack diagram(s) to {path}");
                }
                else
                {
                    output.Write(text);
                }

                return ExitCodes.Success;
            }
            catch (AssemblyException e)
            {
                error.WriteLine($"ecs-discovery: {e.Message}");
                return ExitCodes.CannotRun;
            }
        });
        return command;
    }
}

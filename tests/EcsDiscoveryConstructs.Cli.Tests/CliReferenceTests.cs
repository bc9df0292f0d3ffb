using System.Text;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>docs/cli.md ends with the tool's own help for every command: what a user reads is what the tool accepts.</summary>
public sealed class CliReferenceTests
{
    private const string GeneratedMarker = "<!-- generated below: the tool's own --help -->\n";

    private static readonly string[] Commands = ["diagram", "verify", "exec-check", "local-deploy", "local-dns", "local-ecs", "demo"];

    [Fact]
    public void DocsCli_IsTheHelpOfEveryCommand()
    {
        // The hand-written contract above the marker is kept; everything after it is the tool's help.
        var path = Path.Combine(RepoRoot.Path, "docs", "cli.md");
        var current = File.ReadAllText(path).ReplaceLineEndings("\n");
        var marker = current.IndexOf(GeneratedMarker, StringComparison.Ordinal);
        Assert.True(marker >= 0, $"docs/cli.md has no '{GeneratedMarker.Trim()}' line.");
        var text = new StringBuilder(current[..(marker + GeneratedMarker.Length)]).Append("""
            ## Command reference

            Generated from the tool's own `--help` (the test `CliReferenceTests` fails when they differ; run the tests with
            `ECS_DISCOVERY_ACCEPT_SNAPSHOTS=1` to regenerate). Exit codes: 0 success, 1 checks failed, 2 could not run.

            """).Append('\n');
        foreach (var command in Commands.Prepend(null))
        {
            var (exit, output, error) = command is null ? CliRun.Run("--help") : CliRun.Run(command, "--help");
            Assert.Equal((0, string.Empty), (exit, error));
            text.Append($"## `ecs-discovery{(command is null ? string.Empty : " " + command)}`\n\n```text\n{AsInstalled(output).TrimEnd('\n')}\n```\n\n");
        }

        Snapshot.Matches(path, text.ToString().TrimEnd('\n') + "\n");
    }

    [Fact]
    public void EveryCommand_IsInTheRootHelp()
    {
        var (_, output, _) = CliRun.Run("--help");
        Assert.All(Commands, command => Assert.Matches($@"\n  {command} +[A-Z]", output));
    }

    /// <summary>In-process the usage line names the test host; installed, the tool is called ecs-discovery.</summary>
    private static string AsInstalled(string help)
    {
        var host = Path.GetFileNameWithoutExtension(Environment.GetCommandLineArgs()[0]);
        return help.Replace($"  {host} ", "  ecs-discovery ", StringComparison.Ordinal).Replace($"  {host}\n", "  ecs-discovery\n", StringComparison.Ordinal);
    }
}

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>The tool's outer contract: argument errors and unexpected failures end in exit 2 and one line, never a stack trace.</summary>
public sealed class CliAppTests
{
    [Fact]
    public void AnUnknownOption_NamesItAndPointsToHelp()
    {
        var (exit, output, error) = CliRun.Run("verify", "--no-such-option");
        Assert.Equal((2, string.Empty, "ecs-discovery: Unrecognized command or argument '--no-such-option'.\nRun 'ecs-discovery --help' for usage.\n"), (exit, output, error));
    }

    [Fact]
    public void AnOutputThatFails_EndsInExit2WithOneLine_NotAStackTrace()
    {
        // E.g. standard output is a pipe whose reader went away.
        using var error = new StringWriter();
        var exit = CliApp.Run(["diagram", "--help"], new FailingWriter(), error);
        Assert.Equal((2, "ecs-discovery: could not run (IOException: Broken pipe). This is a bug; please report it with the command line.\n"), (exit, error.ToString().ReplaceLineEndings("\n")));
    }

    private sealed class FailingWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Broken pipe\nsecond line");
    }
}

using System.CommandLine;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>What the long-running local peers (<c>local-dns</c>, <c>local-ecs</c>) share: the port, how long to run, and the wait.</summary>
internal sealed class LocalPeerOptions(string command, int defaultPort, string portDescription)
{
    private const int MaxSeconds = 86_400;

    public Option<int> Port { get; } = new("--port") { Description = portDescription, DefaultValueFactory = _ => defaultPort };

    public Option<int?> For { get; } = new("--for") { HelpName = "seconds", Description = "Stop after this many seconds (1-86400); default: until interrupted." };

    /// <summary>Why the port or duration is out of range, or null.</summary>
    public string? Problem(ParseResult parse)
    {
        if (parse.GetValue(Port) is < 1 or > 65535)
        {
            return $"--port {parse.GetValue(Port)} is out of range: use 1-65535";
        }

        // Leaving --for out runs until interrupted; a given value must be a real duration (0 is not "forever").
        var runFor = parse.GetValue(For);
        return runFor is < 1 or > MaxSeconds ? $"--for {runFor} is out of range: use 1-{MaxSeconds} seconds, or leave it out to run until interrupted" : null;
    }

    /// <summary>How the peer will stop, for its start line.</summary>
    public string Until(ParseResult parse) => parse.GetValue(For) is { } runFor ? $"stopping after {runFor} s" : "Ctrl+C stops";

    /// <summary>Runs until <c>--for</c> is over or the command is interrupted, then says so.</summary>
    public async Task HoldAsync(ParseResult parse, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(parse.GetValue(For) is { } runFor ? TimeSpan.FromSeconds(runFor) : Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        output.WriteLine($"{command}: stopped");
    }
}

using System.CommandLine;
using System.Net.Sockets;
using EcsDiscoveryConstructs.Verifier.LocalPeer;

namespace EcsDiscoveryConstructs.Cli;

/// <summary><c>ecs-discovery local-dns</c>: answers DNS queries for a local Cloud Map peer's namespaces the way Route 53 would.</summary>
internal static class LocalDnsCommand
{
    private const int MaxSeconds = 86_400;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var shared = new SharedOptions();
        var port = new Option<int>("--port") { Description = "The loopback port to answer on (UDP and TCP), 1-65535.", DefaultValueFactory = _ => 5353 };
        var seconds = new Option<int?>("--for") { HelpName = "seconds", Description = "Stop after this many seconds (1-86400); default: until interrupted." };
        var command = new Command("local-dns", "Answer DNS queries on 127.0.0.1 for the DNS namespaces of a local Cloud Map peer, as Route 53 answers for Cloud Map (--endpoint-url is required).") { port, seconds };
        command.Options.Add(shared.Endpoint);
        command.Options.Add(shared.Region);
        command.Options.Add(shared.Profile);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(shared.Endpoint) is null)
            {
                return Fail(error, "--endpoint-url is required: local-dns answers for a local peer you name");
            }

            if (parse.GetValue(port) is < 1 or > 65535)
            {
                return Fail(error, $"--port {parse.GetValue(port)} is out of range: use 1-65535");
            }

            // Leaving --for out runs until interrupted; a given value must be a real duration (0 is not "forever").
            var runFor = parse.GetValue(seconds);
            if (runFor is < 1 or > MaxSeconds)
            {
                return Fail(error, $"--for {runFor} is out of range: use 1-{MaxSeconds} seconds, or leave it out to run until interrupted");
            }

            if (shared.CreateClient(parse, error, "local-dns") is not { } client)
            {
                return ExitCodes.CannotRun;
            }

            using (client)
            {
                LocalDnsPeer peer;
                try
                {
                    peer = new LocalDnsPeer(client, parse.GetValue(port));
                }
                catch (SocketException e)
                {
                    return Fail(error, $"cannot listen on 127.0.0.1:{parse.GetValue(port)}: {e.Message}");
                }

                using (peer)
                {
                    output.WriteLine($"local-dns: answering on {peer.Endpoint} (UDP and TCP) for the DNS namespaces of {parse.GetValue(shared.Endpoint)}; {(runFor is null ? "Ctrl+C stops" : $"stopping after {runFor} s")}");
                    try
                    {
                        await Task.Delay(runFor is null ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(runFor.Value), cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }

                output.WriteLine("local-dns: stopped");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static int Fail(TextWriter error, string reason)
    {
        error.WriteLine($"ecs-discovery local-dns: {reason}");
        return ExitCodes.CannotRun;
    }
}

using System.CommandLine;
using System.Net.Sockets;
using EcsDiscoveryConstructs.LocalPeers;

namespace EcsDiscoveryConstructs.Cli;

/// <summary><c>ecs-discovery local-dns</c>: answers DNS queries for a local Cloud Map peer's namespaces the way Route 53 would.</summary>
internal static class LocalDnsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var shared = new SharedOptions();
        var peerOptions = new LocalPeerOptions("local-dns", 5353, "The loopback port to answer on (UDP and TCP), 1-65535.");
        var command = new Command("local-dns", "Answer DNS queries on 127.0.0.1 for the DNS namespaces of a local Cloud Map peer, as Route 53 answers for Cloud Map (--endpoint-url is required).") { peerOptions.Port, peerOptions.For };
        command.Options.Add(shared.Endpoint);
        command.Options.Add(shared.Region);
        command.Options.Add(shared.Profile);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(shared.Endpoint) is null)
            {
                return Fail(error, "--endpoint-url is required: local-dns answers for a local peer you name");
            }

            if (peerOptions.Problem(parse) is { } problem)
            {
                return Fail(error, problem);
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
                    peer = new LocalDnsPeer(client, parse.GetValue(peerOptions.Port));
                }
                catch (SocketException e)
                {
                    return Fail(error, $"cannot listen on 127.0.0.1:{parse.GetValue(peerOptions.Port)}: {e.Message}");
                }

                using (peer)
                {
                    output.WriteLine($"local-dns: answering on {peer.Endpoint} (UDP and TCP) for the DNS namespaces of {parse.GetValue(shared.Endpoint)}; {peerOptions.Until(parse)}");
                    await peerOptions.HoldAsync(parse, output, cancellationToken).ConfigureAwait(false);
                }

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

using System.CommandLine;
using System.Net;
using EcsDiscoveryConstructs.LocalPeers;

namespace EcsDiscoveryConstructs.Cli;

/// <summary><c>ecs-discovery local-ecs</c>: answers the ECS calls of verify for a local Cloud Map peer, as ECS would after local-deploy.</summary>
internal static class LocalEcsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var shared = new SharedOptions();
        var peerOptions = new LocalPeerOptions("local-ecs", 5081, "The loopback port to answer on (HTTP), 1-65535.");
        var command = new Command("local-ecs", "Answer ECS calls (DescribeServices, ListTasks, DescribeTasks, ...) on 127.0.0.1 for the stacks' ECS services, whose running tasks are what local-deploy registered in the local Cloud Map peer (--endpoint-url is required); point verify at it with AWS_ENDPOINT_URL_ECS.") { peerOptions.Port, peerOptions.For };
        shared.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(shared.Endpoint) is null)
            {
                return Fail(error, "--endpoint-url is required: local-ecs answers for the tasks a local Cloud Map peer you name holds");
            }

            if (peerOptions.Problem(parse) is { } problem)
            {
                return Fail(error, problem);
            }

            if (shared.ReadStacks(parse, error, "local-ecs") is not { } stacks || shared.CreateClient(parse, error, "local-ecs") is not { } client)
            {
                return ExitCodes.CannotRun;
            }

            using (client)
            {
                LocalEcsPeer peer;
                try
                {
                    peer = new LocalEcsPeer(client, stacks, AwsSettings.Region(parse.GetValue(shared.Region), parse.GetValue(shared.Profile)) ?? "us-east-1", parse.GetValue(peerOptions.Port));
                }
                catch (HttpListenerException e)
                {
                    return Fail(error, $"cannot listen on 127.0.0.1:{parse.GetValue(peerOptions.Port)}: {e.Message}");
                }

                using (peer)
                {
                    output.WriteLine($"local-ecs: answering on {peer.Endpoint} for the ECS services of {string.Join(", ", stacks.Select(s => s.Name))}, with the tasks registered in {parse.GetValue(shared.Endpoint)}; {peerOptions.Until(parse)}");
                    await peerOptions.HoldAsync(parse, output, cancellationToken).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static int Fail(TextWriter error, string reason)
    {
        error.WriteLine($"ecs-discovery local-ecs: {reason}");
        return ExitCodes.CannotRun;
    }
}

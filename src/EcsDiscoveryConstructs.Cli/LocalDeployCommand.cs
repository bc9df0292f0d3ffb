using System.CommandLine;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.LocalPeers;

namespace EcsDiscoveryConstructs.Cli;

/// <summary><c>ecs-discovery local-deploy</c>: fills a local Cloud Map peer the way CloudFormation and ECS would, or empties it.</summary>
internal static class LocalDeployCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var shared = new SharedOptions();
        var destroy = new Option<bool>("--destroy") { Description = "Remove the stacks' namespaces instead: instances, then services, then namespaces." };
        var command = new Command("local-deploy", "Create the registry state a cloud assembly implies in a local Cloud Map peer (--endpoint-url is required).") { destroy };
        shared.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(shared.Endpoint) is null)
            {
                error.WriteLine("ecs-discovery local-deploy: --endpoint-url is required: local-deploy only ever writes to a local peer you name");
                return ExitCodes.CannotRun;
            }

            if (shared.ReadStacks(parse, error, "local-deploy") is not { } stacks || shared.CreateClient(parse, error, "local-deploy") is not { } client)
            {
                return ExitCodes.CannotRun;
            }

            using (client)
            {
                return await Run(client, stacks, parse.GetValue(destroy), AwsSettings.Region(parse.GetValue(shared.Region), parse.GetValue(shared.Profile))!, output, error, cancellationToken).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>Deploys (or destroys) and prints what changed; used by <c>demo</c> too.</summary>
    public static async Task<int> Run(CloudMapClient client, IReadOnlyList<Verifier.Assembly.StackTopology> stacks, bool destroy, string region, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var deployer = new LocalDeployer(client, client, region);
        try
        {
            var result = destroy
                ? await deployer.DestroyAsync(stacks, cancellationToken).ConfigureAwait(false)
                : await deployer.DeployAsync(stacks, cancellationToken).ConfigureAwait(false);
            output.WriteLine(destroy
                ? $"local-deploy --destroy: removed {result.Instances} instances, {result.Services} services, {result.Namespaces} namespaces ({string.Join(", ", stacks.Select(s => s.Name))})"
                : $"local-deploy: created {result.Namespaces} namespaces, {result.Services} services, {result.Instances} instances ({string.Join(", ", stacks.Select(s => s.Name))})");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is CloudMapException or LocalDeployException)
        {
            error.WriteLine($"ecs-discovery local-deploy: {e.Message}");
            return ExitCodes.CannotRun;
        }
    }
}

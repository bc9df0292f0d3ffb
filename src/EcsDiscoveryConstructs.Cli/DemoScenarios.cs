using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.Verifier.Expectations;
using EcsDiscoveryConstructs.LocalPeers;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>
/// What the demo shows of a moving system, on one ECS-registered service with a fixed task count: during a rolling
/// deployment the registry holds up to twice the tasks and <c>instance-count</c> passes saying so; when every task stops
/// with CannotPullContainerError the service fails with that reason as its cause. The registry and the ECS peer are put
/// back afterwards.
/// </summary>
internal static class DemoScenarios
{
    public const string PullError = "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/backend:v2: not found";

    /// <summary>Runs both scenarios; true when each judged as it should. Writes what it did and found.</summary>
    public static async Task<bool> RunAsync(CloudMapClient client, LocalEcsPeer peer, IEcsReader ecs, ExpectedState expected, TextWriter output, CancellationToken cancellationToken)
    {
        var subject = expected.Services.FirstOrDefault(s => !s.ServiceConnect && s.EcsServices.Count == 1 && s.MinInstances is > 0 && s.MinInstances == s.MaxInstances && s.EcsServices[0].Known is not null && s.Namespace.Id is not null);
        if (subject is null)
        {
            output.WriteLine("demo: no ECS-registered service with a fixed task count to show a deployment on; scenarios skipped");
            return true;
        }

        var (cluster, name) = subject.EcsServices[0].Known!.Value;
        var one = expected with { Namespaces = [subject.Namespace], Services = [subject] };
        var verifier = new RegistryVerifier(client, ecs: ecs);
        var serviceId = (await client.ListServicesAsync(subject.Namespace.Id!, cancellationToken).ConfigureAwait(false)).Single(s => s.Name == subject.Name.Literal).Id;
        var instances = await client.ListInstancesAsync(serviceId, cancellationToken).ConfigureAwait(false);

        // A rolling deployment: the new revision's tasks registered beside the old ones.
        var added = instances.Select((instance, i) => (Id: $"{instance.Id[..24]}{i:x8}", Attributes: instance.Attributes.ToDictionary(a => a.Key, a => a.Key == "AWS_INSTANCE_IPV4" ? $"10.255.{i / 250}.{(i % 250) + 1}" : a.Value))).ToList();
        foreach (var (id, attributes) in added)
        {
            await client.RegisterInstanceAsync(serviceId, id, attributes, cancellationToken).ConfigureAwait(false);
        }

        peer.Deploying(cluster, name);
        var rolling = (await verifier.VerifyAsync(one, strict: false, cancellationToken).ConfigureAwait(false)).Results.Single(r => r.Check == CheckCatalog.InstanceCount.Id);
        output.WriteLine($"demo: rolling deployment of {name}: {rolling.Status.ToString().ToUpperInvariant()} {rolling.Check} {rolling.Target}: {rolling.Message}");
        peer.Steady(cluster, name);
        foreach (var (id, _) in added)
        {
            await client.DeregisterInstanceAsync(serviceId, id, cancellationToken).ConfigureAwait(false);
        }

        // A crash loop: every task stops before it registers.
        foreach (var instance in instances)
        {
            await client.DeregisterInstanceAsync(serviceId, instance.Id, cancellationToken).ConfigureAwait(false);
        }

        peer.CrashLooping(cluster, name, PullError);
        var crashing = (await verifier.VerifyAsync(one, strict: false, cancellationToken).ConfigureAwait(false)).Results.Single(r => r.Check == CheckCatalog.InstanceCount.Id);
        output.WriteLine($"demo: crash-looping {name}: {crashing.Status.ToString().ToUpperInvariant()} {crashing.Check} {crashing.Target}: {crashing.Message}");
        output.WriteLine($"demo:   cause: {crashing.Cause ?? "none"}");
        peer.Steady(cluster, name);
        foreach (var instance in instances)
        {
            await client.RegisterInstanceAsync(serviceId, instance.Id, instance.Attributes, cancellationToken).ConfigureAwait(false);
        }

        return rolling.Status == CheckStatus.Pass && rolling.Message.Contains("deployment in progress", StringComparison.Ordinal)
            && crashing.Status == CheckStatus.Fail && crashing.Cause?.Contains("CannotPullContainerError", StringComparison.Ordinal) == true;
    }
}

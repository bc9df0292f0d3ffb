using System.Collections.Specialized;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.LocalPeers;
using EcsDiscoveryConstructs.Verifier.Tests.Checks;

namespace EcsDiscoveryConstructs.Verifier.Tests.LocalPeer;

/// <summary>
/// Every reply the local ECS peer gives for each example after a local deploy, compared with a reviewed snapshot under
/// LocalPeer/Replies/: DescribeClusters, DescribeServices, ListTasks, DescribeTasks and ListServiceDeployments in
/// steady state, during a rolling deployment and in a crash loop, with what ECS answers for names it does not have, and
/// CloudFormation's ListStackResources and DescribeStacks. Field names and shapes are ECS's and CloudFormation's
/// (API references: DescribeServices, DescribeTasks, ListTasks, ListServiceDeployments, ListStackResources), so a
/// reply that loses or renames a field shows up here even where the verifier does not read it yet. Times come from a
/// fixed clock. Regenerate with ECS_DISCOVERY_ACCEPT_SNAPSHOTS=1.
/// </summary>
public sealed class LocalEcsPeerReplySnapshotTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static TheoryData<string> Stacks => [.. RepoRoot.ExampleStacks];

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task ExampleReplies_AreTheReviewedOnes(string name)
    {
        var registry = new FakeRegistry();
        var stack = TemplateTopologyReader.Read(name, File.ReadAllText(RepoRoot.ExampleTemplate(name)));
        await new LocalDeployer(registry, registry, "eu-west-1").DeployAsync([stack], CancellationToken.None);
        using var peer = LoopbackPorts.Bind(port => new LocalEcsPeer(registry, [stack], "eu-west-1", port, new FixedClock(Now)));
        var log = new List<string>();
        async Task<JsonNode?> Ecs(string operation, JsonObject request)
        {
            var (status, body) = await peer.AnswerAsync(operation, request, CancellationToken.None);
            var reply = JsonNode.Parse(body)!;
            log.Add($"> {operation} {request.ToJsonString()}\n< {status} {reply.ToJsonString(Indented)}");
            return reply;
        }

        async Task Cfn(params string[] pairs)
        {
            var form = new NameValueCollection();
            for (var i = 0; i < pairs.Length; i += 2)
            {
                form[pairs[i]] = pairs[i + 1];
            }

            var (status, body) = await peer.AnswerQueryAsync(form, CancellationToken.None);
            log.Add($"> {string.Join(" ", pairs)}\n< {status} {body}");
        }

        var clusters = stack.EcsServices.Select(e => LocalDeployer.ClusterName(stack, e)).Distinct(StringComparer.Ordinal).ToList();
        // One cluster asked by ARN, as callers may: the peer answers by the name after the last '/'.
        await Ecs("DescribeClusters", new() { ["clusters"] = new JsonArray([.. clusters.Select((c, i) => (JsonNode)(i == 0 ? $"arn:aws:ecs:eu-west-1:000000000000:cluster/{c}" : c)), "absent"]) });
        await Ecs("DescribeServices", new() { ["cluster"] = "absent", ["services"] = new JsonArray("any") });
        await Ecs("RunTask", new() { ["cluster"] = clusters[0] });
        async Task ClusterReplies(string cluster)
        {
            var services = stack.EcsServices.Where(e => LocalDeployer.ClusterName(stack, e) == cluster).Select(LocalDeployer.EcsServiceName).ToList();
            await Ecs("DescribeServices", new() { ["cluster"] = cluster, ["services"] = new JsonArray([.. services.Select(s => (JsonNode)s), "absent"]) });
            var running = await Ecs("ListTasks", new() { ["cluster"] = cluster });
            await Ecs("ListTasks", new() { ["cluster"] = cluster, ["serviceName"] = services[0] });
            var stopped = await Ecs("ListTasks", new() { ["cluster"] = cluster, ["desiredStatus"] = "STOPPED" });
            var arns = running!["taskArns"]!.AsArray().Concat(stopped!["taskArns"]!.AsArray()).Select(t => t!.GetValue<string>()).ToList();
            await Ecs("DescribeTasks", new() { ["cluster"] = cluster, ["tasks"] = new JsonArray([.. arns.Select(t => (JsonNode)t), "0000000000000000000000000000abce"]) });
            await Ecs("ListServiceDeployments", new() { ["cluster"] = cluster, ["service"] = $"arn:aws:ecs:eu-west-1:000000000000:service/{cluster}/{services[0]}" });
        }

        foreach (var cluster in clusters)
        {
            await ClusterReplies(cluster);
        }

        var first = stack.EcsServices[0];
        var last = stack.EcsServices[^1];
        log.Add($"# {LocalDeployer.EcsServiceName(first)} rolling out, {LocalDeployer.EcsServiceName(last)} crash looping");
        peer.Deploying(LocalDeployer.ClusterName(stack, first), LocalDeployer.EcsServiceName(first));
        peer.CrashLooping(LocalDeployer.ClusterName(stack, last), LocalDeployer.EcsServiceName(last), "CannotPullContainerError: pull image manifest has been retried 5 time(s)");
        foreach (var cluster in clusters)
        {
            await ClusterReplies(cluster);
        }

        await Cfn("Action", "ListStackResources", "StackName", name);
        await Cfn("Action", "DescribeStacks", "StackName", name);
        await Cfn("Action", "ListStackResources", "StackName", "absent");
        await Cfn("Action", "DeleteStack", "StackName", name);
        await Cfn("StackName", name);
        Snapshot.Matches(Path.Combine(RepoRoot.Path, "tests", "EcsDiscoveryConstructs.Verifier.Tests", "LocalPeer", "Replies", $"{name}.replies.txt"), string.Join("\n", log) + "\n");
    }

    /// <summary>A clock that always says <paramref name="now"/>.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

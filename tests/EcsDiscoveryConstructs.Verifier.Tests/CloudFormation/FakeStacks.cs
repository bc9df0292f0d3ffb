using EcsDiscoveryConstructs.Verifier.CloudFormation;

namespace EcsDiscoveryConstructs.Verifier.Tests.CloudFormation;

/// <summary>Deployed stacks in memory (resources by stack name, and optionally a template and when it changed); every call recorded.</summary>
internal sealed class FakeStacks : Dictionary<string, StackResource[]>, ICloudFormationReader
{
    public List<string> Asked { get; } = [];

    /// <summary>Every call as <c>Operation stack</c>.</summary>
    public List<string> Calls { get; } = [];

    public CloudFormationException? Error { get; init; }

    /// <summary>Template bodies by stack name.</summary>
    public Dictionary<string, string> Templates { get; } = [];

    /// <summary>When each stack's template last changed (default: a fixed time).</summary>
    public Dictionary<string, DateTimeOffset> ChangedAt { get; } = [];

    public Task<IReadOnlyList<StackResource>> ListStackResourcesAsync(string stackName, CancellationToken cancellationToken)
    {
        Asked.Add(stackName);
        Calls.Add($"ListStackResources {stackName}");
        return Error is not null ? throw Error
            : TryGetValue(stackName, out var resources) ? Task.FromResult<IReadOnlyList<StackResource>>(resources)
            : throw Missing("ListStackResources", stackName);
    }

    public Task<StackSummary> DescribeStackAsync(string stackName, CancellationToken cancellationToken)
    {
        Calls.Add($"DescribeStacks {stackName}");
        return Error is not null ? throw Error
            : ContainsKey(stackName) || Templates.ContainsKey(stackName)
                ? Task.FromResult(new StackSummary($"arn:aws:cloudformation:us-east-1:123456789012:stack/{stackName}/1", "UPDATE_COMPLETE", ChangedAt.GetValueOrDefault(stackName, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero))))
                : throw Missing("DescribeStacks", stackName);
    }

    public Task<string> GetTemplateAsync(string stackName, CancellationToken cancellationToken)
    {
        Calls.Add($"GetTemplate {stackName}");
        return Error is not null ? throw Error
            : Templates.TryGetValue(stackName, out var body) ? Task.FromResult(body)
            : throw Missing("GetTemplate", stackName);
    }

    private static CloudFormationException Missing(string operation, string stackName) => new(operation, "ValidationError", $"Stack with id {stackName} does not exist");
}

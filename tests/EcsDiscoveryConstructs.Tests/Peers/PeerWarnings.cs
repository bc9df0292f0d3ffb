using Amazon.CDK;
using EcsDiscoveryConstructs.Tests.TestSupport;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Tests.Peers;

/// <summary>The library's own warnings on a peer stack (the CDK's warnings about the peer's choices are the peer's).</summary>
internal static class PeerWarnings
{
    public static IReadOnlyList<string> Ours(Stack stack)
        => Findings.Warnings(stack).Where(w => w.Contains($"[{RuleInfo.Prefix}", StringComparison.Ordinal)).ToList();
}

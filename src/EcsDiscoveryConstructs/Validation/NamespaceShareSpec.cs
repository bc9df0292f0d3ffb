using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>What the namespace-share rules read.</summary>
/// <param name="Options">The share options as given.</param>
/// <param name="Type">The shared namespace's type.</param>
/// <param name="OwnerAccount">The stack's account (a token for environment-agnostic stacks).</param>
/// <param name="AlreadyShared">True when the namespace already has its share.</param>
internal sealed record NamespaceShareSpec(NamespaceShareOptions Options, NamespaceType Type, string OwnerAccount, bool AlreadyShared);

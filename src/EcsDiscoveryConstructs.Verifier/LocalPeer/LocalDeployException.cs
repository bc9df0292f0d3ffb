namespace EcsDiscoveryConstructs.Verifier.LocalPeer;

/// <summary>A stack cannot be deployed to a local peer (e.g. a name only CloudFormation decides).</summary>
public sealed class LocalDeployException(string message) : Exception(message);

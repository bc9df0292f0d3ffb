namespace EcsDiscoveryConstructs.LocalPeers;

/// <summary>A stack cannot be deployed to a local peer (e.g. a name only CloudFormation decides).</summary>
internal sealed class LocalDeployException(string message) : Exception(message);

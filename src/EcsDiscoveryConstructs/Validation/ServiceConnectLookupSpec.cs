namespace EcsDiscoveryConstructs.Validation;

/// <summary>The discovery name asked for and those the service's endpoints have.</summary>
internal sealed record ServiceConnectLookupSpec(string Requested, IReadOnlyList<string> Known);

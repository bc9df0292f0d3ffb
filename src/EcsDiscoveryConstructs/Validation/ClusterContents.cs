namespace EcsDiscoveryConstructs.Validation;

/// <summary>The ECS service names the app puts into one cluster, as <see cref="ClusterServiceNames"/> collected them.</summary>
/// <param name="Label">The cluster's name, or its construct path when the name is a token.</param>
/// <param name="Names">Each owner (its path is read when a message names it) and its concrete service name.</param>
internal sealed record ClusterContents(string Label, IReadOnlyList<(UsageOwner Owner, string Name)> Names);

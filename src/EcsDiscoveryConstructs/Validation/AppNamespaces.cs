namespace EcsDiscoveryConstructs.Validation;

/// <summary>How many namespaces an app creates, as <see cref="AppUsage"/> counted them, and the latest one's path.</summary>
/// <param name="Count">The namespaces created so far.</param>
/// <param name="LatestPath">The construct path of the namespace just counted.</param>
internal sealed record AppNamespaces(int Count, string LatestPath);

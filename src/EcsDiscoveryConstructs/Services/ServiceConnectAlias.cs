namespace EcsDiscoveryConstructs.Services;

/// <summary>A Service Connect endpoint as emitted: what clients connect to, and the Cloud Map service ECS creates for it.</summary>
/// <param name="PortMappingName">The task's port mapping behind the endpoint.</param>
/// <param name="DiscoveryName">The API-only Cloud Map service ECS creates.</param>
/// <param name="DnsName">The client alias name.</param>
/// <param name="Port">The client alias port.</param>
/// <param name="ContainerPort">The container port the proxy forwards to (what security groups must allow).</param>
public sealed record ServiceConnectAlias(string PortMappingName, string DiscoveryName, string DnsName, int Port, int ContainerPort);

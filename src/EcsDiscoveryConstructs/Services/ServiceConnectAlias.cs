namespace EcsDiscoveryConstructs.Services;

/// <summary>A Service Connect endpoint as emitted: what clients connect to, and the Cloud Map service ECS creates for it.</summary>
public sealed record ServiceConnectAlias
{
    internal ServiceConnectAlias(string portMappingName, string discoveryName, string dnsName, int port, int containerPort)
    {
        PortMappingName = portMappingName;
        DiscoveryName = discoveryName;
        DnsName = dnsName;
        Port = port;
        ContainerPort = containerPort;
    }

    /// <summary>The task's port mapping behind the endpoint.</summary>
    public string PortMappingName { get; }

    /// <summary>The API-only Cloud Map service ECS creates.</summary>
    public string DiscoveryName { get; }

    /// <summary>The client alias name.</summary>
    public string DnsName { get; }

    /// <summary>The client alias port.</summary>
    public int Port { get; }

    /// <summary>The container port the proxy forwards to (what security groups must allow).</summary>
    public int ContainerPort { get; }
}

using EcsDiscoveryConstructs.ServiceConnect;

namespace EcsDiscoveryConstructs.Services;

/// <summary>A Service Connect endpoint with every default filled in.</summary>
/// <param name="Source">The endpoint as the user gave it.</param>
/// <param name="Index">Its position in <c>ServiceConnect.Endpoints</c>.</param>
/// <param name="DiscoveryName">The discovery name that will be emitted.</param>
/// <param name="AliasDnsName">The client alias name that will be emitted.</param>
/// <param name="AliasPort">The client alias port, or null when the port mapping is unknown.</param>
/// <param name="Port">The named port mapping, or null when it does not exist.</param>
internal sealed record PlannedEndpoint(ServiceConnectEndpoint Source, int Index, string DiscoveryName, string AliasDnsName, int? AliasPort, PortShape? Port)
{
    /// <summary>The property path of this endpoint in messages.</summary>
    public string Path => $"ServiceConnect.Endpoints[{Index}]";

    /// <summary>True when the port mapping has no appProtocol, i.e. plain TCP.</summary>
    public bool IsTcp => Port is not null && Port.AppProtocol is null;
}

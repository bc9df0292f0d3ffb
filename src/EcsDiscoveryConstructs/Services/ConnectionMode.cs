namespace EcsDiscoveryConstructs.Services;

/// <summary>How a service reaches another after <see cref="DiscoverableFargateService.ConnectTo"/>.</summary>
public enum ConnectionMode
{
    /// <summary>Through the target's Service Connect client alias.</summary>
    ServiceConnect,

    /// <summary>Through the target's Cloud Map DNS name (<c>name.namespace</c>).</summary>
    Dns,

    /// <summary>Through the Cloud Map API: DiscoverInstances with the namespace and service names.</summary>
    CloudMapApi,
}

namespace EcsDiscoveryConstructs.Services;

/// <summary>
/// The result of <see cref="DiscoverableFargateService.ConnectTo"/>. The caller's main container gets, with
/// <c>P</c> the variable prefix (the target's name in upper case, non-alphanumerics as '_'):
/// <list type="bullet">
/// <item>Service Connect and DNS: <c>P_HOST</c>, <c>P_PORT</c> and <c>P_ENDPOINT</c> (<c>host:port</c>);</item>
/// <item>Cloud Map API: <c>P_NAMESPACE</c> and <c>P_SERVICE</c>, for DiscoverInstances.</item>
/// </list>
/// </summary>
public sealed record ServiceConnection
{
    internal ServiceConnection(ConnectionMode mode, int port, IReadOnlyDictionary<string, string> environment)
    {
        Mode = mode;
        Port = port;
        Environment = environment;
    }

    /// <summary>How the caller reaches the target.</summary>
    public ConnectionMode Mode { get; }

    /// <summary>The target's container port the caller's traffic arrives on (opened in the target's security group).</summary>
    public int Port { get; }

    /// <summary>The variables added to the caller's main container.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }
}

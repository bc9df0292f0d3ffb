namespace EcsDiscoveryConstructs.Services;

/// <summary>
/// The result of <see cref="DiscoverableFargateService.ConnectTo"/>. The caller's main container gets, with
/// <c>P</c> the variable prefix (the target's name in upper case, non-alphanumerics as '_'):
/// <list type="bullet">
/// <item>Service Connect and DNS: <c>P_HOST</c>, <c>P_PORT</c> and <c>P_ENDPOINT</c> (<c>host:port</c>);</item>
/// <item>Cloud Map API: <c>P_NAMESPACE</c> and <c>P_SERVICE</c>, for DiscoverInstances.</item>
/// </list>
/// </summary>
/// <param name="Mode">How the caller reaches the target.</param>
/// <param name="Port">The target's container port the caller's traffic arrives on (opened in the target's security group).</param>
/// <param name="Environment">The variables added to the caller's main container.</param>
public sealed record ServiceConnection(ConnectionMode Mode, int Port, IReadOnlyDictionary<string, string> Environment);

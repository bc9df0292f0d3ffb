using System.Runtime.CompilerServices;
using Amazon.CDK.AWS.ECS;

namespace EcsDiscoveryConstructs.Services;

/// <summary>The wire value of each CDK <see cref="AppProtocol"/> object, read from the CDK once per object (the CDK hands out the same few instances).</summary>
internal static class AppProtocols
{
    private static readonly ConditionalWeakTable<AppProtocol, string> Values = [];

    /// <summary>The protocol's value ("http", "http2", "grpc"), or null when none is set.</summary>
    public static string? ValueOf(AppProtocol? protocol) => protocol is null ? null : Values.GetValue(protocol, p => p.Value);
}

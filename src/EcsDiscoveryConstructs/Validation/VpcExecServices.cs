namespace EcsDiscoveryConstructs.Validation;

/// <summary>The Exec-enabled services of one VPC, as <see cref="ExecNetworkPath"/> found them.</summary>
/// <param name="VpcPath">The VPC's construct path.</param>
/// <param name="WithoutRoute">The services whose subnets have no route out (isolated, or public without a public IP).</param>
/// <param name="HasSsmMessagesEndpoint">Whether the VPC has an ssmmessages interface endpoint in the app.</param>
internal sealed record VpcExecServices(string VpcPath, IReadOnlyList<string> WithoutRoute, bool HasSsmMessagesEndpoint);

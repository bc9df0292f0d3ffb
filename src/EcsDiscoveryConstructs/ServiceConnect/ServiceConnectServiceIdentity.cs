namespace EcsDiscoveryConstructs.ServiceConnect;

/// <summary>The id and ARN of a Cloud Map service ECS Service Connect created, read at deploy (tokens at synth).</summary>
/// <param name="ServiceArn">The Cloud Map service ARN (<c>arn:...:servicediscovery:...:service/srv-...</c>).</param>
/// <param name="ServiceId">The Cloud Map service id (<c>srv-...</c>).</param>
public sealed record ServiceConnectServiceIdentity(string ServiceArn, string ServiceId);

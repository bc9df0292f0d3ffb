namespace EcsDiscoveryConstructs.ServiceConnect;

/// <summary>The id and ARN of a Cloud Map service ECS Service Connect created, read at deploy (tokens at synth).</summary>
public sealed record ServiceConnectServiceIdentity
{
    internal ServiceConnectServiceIdentity(string serviceArn, string serviceId)
    {
        ServiceArn = serviceArn;
        ServiceId = serviceId;
    }

    /// <summary>The Cloud Map service ARN (<c>arn:...:servicediscovery:...:service/srv-...</c>).</summary>
    public string ServiceArn { get; }

    /// <summary>The Cloud Map service id (<c>srv-...</c>).</summary>
    public string ServiceId { get; }
}

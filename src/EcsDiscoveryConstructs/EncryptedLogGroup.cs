using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace EcsDiscoveryConstructs;

/// <summary>
/// A log group named <c>prefix + a unique name</c>, encrypted with a rotated KMS key (children <c>Key</c> and
/// <c>Logs</c> of the scope) whose policy lets CloudWatch Logs use it for that one group (<see cref="LogKeyPolicy"/>):
/// the Exec audit group and the canary's group.
/// </summary>
internal static class EncryptedLogGroup
{
    /// <summary>Creates the group, and the key unless <paramref name="key"/> is given.</summary>
    public static (LogGroup Group, IKey Key, string Name) Create(Construct scope, string prefix, string keyDescription, RetentionDays retention, RemovalPolicy removal, IKey? key, bool iamUse, string logSid)
    {
        var stack = Stack.Of(scope);
        var name = $"{prefix}{Names.UniqueResourceName(scope, new UniqueResourceNameOptions { MaxLength = 200, Separator = "-" })}";
        var arn = stack.FormatArn(new ArnComponents { Service = "logs", Resource = "log-group", ResourceName = name, ArnFormat = ArnFormat.COLON_RESOURCE_NAME });
        key ??= new Key(scope, "Key", new KeyProps
        {
            Description = keyDescription,
            EnableKeyRotation = true,
            RemovalPolicy = removal,
            Policy = LogKeyPolicy.Create(stack, arn, iamUse, logSid),
        });
        var group = new LogGroup(scope, "Logs", new LogGroupProps
        {
            LogGroupName = name,
            EncryptionKey = key,
            Retention = retention,
            RemovalPolicy = removal,
        });
        return (group, key, name);
    }
}

using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// An SNS topic CloudWatch alarms can publish to while it is encrypted: a customer managed key whose policy lets
/// CloudWatch use it (the AWS managed key alias/aws/sns cannot grant that, and alarms to such a topic are dropped).
/// </summary>
public static class AlarmTopics
{
    public static Topic Encrypted(Construct scope, string id)
    {
        var key = new Key(scope, $"{id}Key", new KeyProps
        {
            Description = $"Encrypts the {id} topic",
            EnableKeyRotation = true,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CloudWatchAlarmsPublish",
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Stack.Of(scope).Account },
            },
        }));
        return new Topic(scope, id, new TopicProps { MasterKey = key, EnforceSSL = true });
    }
}

using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// An SNS topic CloudWatch alarms can publish to while it is encrypted: a customer managed key whose policy lets
/// CloudWatch use it (the AWS managed key alias/aws/sns cannot grant that, and alarms to such a topic are dropped).
/// The key policy names its administrative actions instead of CDK's default kms:* for the account.
/// </summary>
public static class AlarmTopics
{
    private static readonly string[] AdminActions =
    [
        "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*",
        "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
    ];

    public static Topic Encrypted(Construct scope, string id)
    {
        var account = new AccountRootPrincipal();
        var policy = new PolicyDocument(new PolicyDocumentProps
        {
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps { Sid = "KeyAdministration", Principals = [account], Actions = AdminActions, Resources = ["*"] }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "SubscribersThroughIam",
                    Principals = [account],
                    Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
                    Resources = ["*"],
                }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "CloudWatchAlarmsPublish",
                    Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
                    Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
                    Resources = ["*"],
                    Conditions = new Dictionary<string, object>
                    {
                        ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Stack.Of(scope).Account },
                    },
                }),
            ],
        });
        var key = new Key(scope, $"{id}Key", new KeyProps
        {
            Description = $"Encrypts the {id} topic",
            EnableKeyRotation = true,
            RemovalPolicy = RemovalPolicy.DESTROY,
            Policy = policy,
        });
        return new Topic(scope, id, new TopicProps { MasterKey = key, EnforceSSL = true });
    }
}

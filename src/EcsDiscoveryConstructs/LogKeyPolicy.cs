using Amazon.CDK;
using Amazon.CDK.AWS.IAM;

namespace EcsDiscoveryConstructs;

/// <summary>
/// The policy of a key that encrypts one log group (the Exec audit group, the canary's group). CDK's default policy
/// (and its Exec support) grant <c>kms:*</c> to the account root; this one names the administrative actions, lets
/// CloudWatch Logs use the key for that one log group and, with <c>iamUse</c>, lets IAM policies in the account grant
/// decrypt and data-key use (Exec sessions need them).
/// </summary>
internal static class LogKeyPolicy
{
    /// <summary>Key administration without use of the key for data (the usual "key administrators" set).</summary>
    private static readonly string[] AdminActions =
    [
        "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*",
        "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
    ];

    /// <summary>The policy; <paramref name="logSid"/> names the CloudWatch Logs statement.</summary>
    public static PolicyDocument Create(Stack stack, string logGroupArn, bool iamUse, string logSid)
    {
        var account = new AccountRootPrincipal();
        var statements = new List<PolicyStatement>
        {
            new(new PolicyStatementProps { Sid = "KeyAdministration", Principals = [account], Actions = AdminActions, Resources = ["*"] }),
        };
        if (iamUse)
        {
            statements.Add(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "ExecUseThroughIam",
                Principals = [account],
                Actions = ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
                Resources = ["*"],
            }));
        }

        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = logSid,
            Principals = [new ServicePrincipal($"logs.{stack.Region}.amazonaws.com")],
            Actions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object> { ["kms:EncryptionContext:aws:logs:arn"] = logGroupArn },
            },
        }));
        return new PolicyDocument(new PolicyDocumentProps { Statements = [.. statements] });
    }
}

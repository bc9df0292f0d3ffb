using Amazon.CDK;
using Amazon.CDK.AWS.IAM;

namespace EcsDiscoveryConstructs.Exec;

/// <summary>
/// The key policy of the Exec key. CDK's default policy (and its Exec support) grant <c>kms:*</c> to the account root;
/// this one names the administrative actions, lets IAM policies in the account grant only what Exec uses, and lets
/// CloudWatch Logs use the key for the one audit log group.
/// </summary>
internal static class ExecKeyPolicy
{
    /// <summary>Key administration without use of the key for data (the usual "key administrators" set).</summary>
    private static readonly string[] AdminActions =
    [
        "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*",
        "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
    ];

    public static PolicyDocument Create(Stack stack, string logGroupArn)
    {
        var account = new AccountRootPrincipal();
        return new PolicyDocument(new PolicyDocumentProps
        {
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps { Sid = "KeyAdministration", Principals = [account], Actions = AdminActions, Resources = ["*"] }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "ExecUseThroughIam",
                    Principals = [account],
                    Actions = ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
                    Resources = ["*"],
                }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "AuditLogGroup",
                    Principals = [new ServicePrincipal($"logs.{stack.Region}.amazonaws.com")],
                    Actions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                    Resources = ["*"],
                    Conditions = new Dictionary<string, object>
                    {
                        ["ArnEquals"] = new Dictionary<string, object> { ["kms:EncryptionContext:aws:logs:arn"] = logGroupArn },
                    },
                }),
            ],
        });
    }
}

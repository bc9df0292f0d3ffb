using Amazon.CDK.AWS.Logs;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests;

/// <summary>The library's cdk-nag acknowledgements, written as cdk-nag's NagSuppressions writes them.</summary>
public class NagAcknowledgementTests
{
    [Fact]
    public void TwoAcknowledgementsOnOneResource_AreBothKept_InOrder()
    {
        var stack = TestApp.CreateStack();
        var group = new CfnLogGroup(stack, "Logs");
        NagAcknowledgement.Add(group, "AwsSolutions-IAM5", "first reason");
        NagAcknowledgement.Add(group, "AwsSolutions-L1", "second reason");
        var resource = Templates.Only(stack, "AWS::Logs::LogGroup");
        var rules = Templates.Objects(resource["Metadata"]!["cdk_nag"]!["rules_to_suppress"])
            .Select(r => (Templates.Str(r["id"]), Templates.Str(r["reason"])));
        Assert.Equal([("AwsSolutions-IAM5", "first reason"), ("AwsSolutions-L1", "second reason")], rules);
    }
}

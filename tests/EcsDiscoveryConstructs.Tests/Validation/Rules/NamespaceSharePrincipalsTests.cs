using Amazon.CDK;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class NamespaceSharePrincipalsTests
{
    private static HttpDiscoveryNamespace Owned(Stack stack) => new(stack, "Apps", new HttpDiscoveryNamespaceProps { Name = "apps" });

    [Fact]
    public void OrganizationArn_IsShared()
    {
        var stack = TestApp.CreateStack();
        _ = Owned(stack).ShareWith(new NamespaceShareOptions { Principals = ["arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5"], AllowExternalPrincipals = true });
        Assert.True(Templates.OnlyProperties(stack, "AWS::RAM::ResourceShare")["AllowExternalPrincipals"]!.GetValue<bool>());
    }

    [Fact]
    public void NoPrincipals_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var error = Findings.Error(() => Owned(stack).ShareWith(new NamespaceShareOptions { Principals = [] }));
        Assert.Equal("HttpDiscoveryNamespace 'TestStack/Apps': ShareWith Principals is empty: the namespace would be shared with no one. Name an account id, e.g. Principals = [\"111122223333\"]. [ecs-discovery:namespace-share-principals]", error.Message);
    }

    [Fact]
    public void MalformedOwnAndRepeatedPrincipals_FailWithEveryMessage()
    {
        var stack = new Stack(TestApp.Create(), "Owner", new StackProps { Env = new Amazon.CDK.Environment { Account = "111122223333", Region = "us-east-1" } });
        var error = Findings.Error(() => Owned(stack).ShareWith(new NamespaceShareOptions { Principals = ["12345678901", "arn:aws:iam::444455556666:role/x", "111122223333", "444455556666", "444455556666"] }));
        Assert.Equal(
            [
                "HttpDiscoveryNamespace 'Owner/Apps': ShareWith Principals[0] '12345678901' is not an account id, organization ARN or organizational unit ARN. Use e.g. '111122223333', 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5' or 'arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cdefgh34'. [ecs-discovery:namespace-share-principals]",
                "HttpDiscoveryNamespace 'Owner/Apps': ShareWith Principals[1] 'arn:aws:iam::444455556666:role/x' is not an account id, organization ARN or organizational unit ARN. Use e.g. '111122223333', 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5' or 'arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cdefgh34'. [ecs-discovery:namespace-share-principals]",
                "HttpDiscoveryNamespace 'Owner/Apps': ShareWith Principals[2] '111122223333' is the account that owns the namespace. Remove it: the owner uses the namespace without a share. [ecs-discovery:namespace-share-principals]",
                "HttpDiscoveryNamespace 'Owner/Apps': ShareWith Principals '444455556666' is named 2 times. Name each principal once. [ecs-discovery:namespace-share-principals]",
            ],
            error.Errors);
    }
}

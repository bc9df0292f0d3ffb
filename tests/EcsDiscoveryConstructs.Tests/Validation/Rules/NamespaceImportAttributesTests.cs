using Amazon.CDK;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;
using EcsDiscoveryConstructs.Validation;
using EcsDiscoveryConstructs.Validation.Rules;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class NamespaceImportAttributesTests
{
    private const string Arn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-ylexjili4cdxy3xm";

    [Fact]
    public void FromAttributes_MatchingIdAndArn_ImportsNamespace()
    {
        var stack = TestApp.CreateStack();
        var ns = HttpDiscoveryNamespace.FromAttributes(stack, "Imported", new DiscoveryNamespaceAttributes { NamespaceId = "ns-ylexjili4cdxy3xm", NamespaceArn = Arn, NamespaceName = "internal-api" });
        Assert.Equal(("ns-ylexjili4cdxy3xm", Arn, "internal-api", NamespaceType.HTTP), (ns.NamespaceId, ns.NamespaceArn, ns.NamespaceName, ns.NamespaceType));
    }

    [Fact]
    public void FromAttributes_ServiceArnAndName_FailsWithBothMessages()
    {
        var stack = TestApp.CreateStack();
        var error = Findings.Error(() => PrivateDnsDiscoveryNamespace.FromAttributes(stack, "Imported", new DiscoveryNamespaceAttributes
        {
            NamespaceId = "internal.example.com",
            NamespaceArn = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-p5zdwlg5uvvzjita",
            NamespaceName = "internal.example.com",
        }));
        Assert.Equal(
            "PrivateDnsDiscoveryNamespace 'TestStack/Imported' has 2 invalid settings:\n"
            + " - PrivateDnsDiscoveryNamespace 'TestStack/Imported': NamespaceId 'internal.example.com' is not a namespace id: expected 'ns-' followed by letters and digits. Copy the Id from 'aws servicediscovery list-namespaces', e.g. 'ns-ylexjili4cdxy3xm'. [ecs-discovery:namespace-import-attributes]\n"
            + " - PrivateDnsDiscoveryNamespace 'TestStack/Imported': NamespaceArn 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-p5zdwlg5uvvzjita' is not a Cloud Map namespace ARN: expected 'arn:<partition>:servicediscovery:<region>:<account>:namespace/ns-...'. Copy the Arn from 'aws servicediscovery list-namespaces'. [ecs-discovery:namespace-import-attributes]",
            error.Message);
    }

    [Fact]
    public void FromAttributes_ArnOfAnotherNamespace_Fails()
    {
        var stack = TestApp.CreateStack();
        var error = Findings.Error(() => PublicDnsDiscoveryNamespace.FromAttributes(stack, "Imported", new DiscoveryNamespaceAttributes { NamespaceId = "ns-aaaaaaaaaaaaaaaa", NamespaceArn = Arn, NamespaceName = "api.example.com" }));
        Assert.Equal([$"PublicDnsDiscoveryNamespace 'TestStack/Imported': NamespaceArn '{Arn}' names namespace 'ns-ylexjili4cdxy3xm', not NamespaceId 'ns-aaaaaaaaaaaaaaaa'. Pass the id and the ARN of the same namespace. [ecs-discovery:namespace-import-attributes]"], error.Errors);
    }

    [Fact]
    public void FromAttributes_Tokens_AreNotGuessed()
    {
        var stack = TestApp.CreateStack();
        var id = Fn.ImportValue("SharedNamespaceId");
        var ns = PrivateDnsDiscoveryNamespace.FromAttributes(stack, "Imported", new DiscoveryNamespaceAttributes { NamespaceId = id, NamespaceArn = Fn.ImportValue("SharedNamespaceArn"), NamespaceName = "internal.example.com", Vpc = TestApp.ImportedVpc(stack) });
        Assert.NotNull(ns.Vpc);
    }

    [Fact]
    public void FromAttributes_PrivateWithoutAVpc_AndAnIdResolvedAtDeploy_AreImported()
    {
        // An imported private namespace needs no VPC (it only names the namespace); a token id is not compared with the ARN.
        var stack = TestApp.CreateStack();
        var ns = PrivateDnsDiscoveryNamespace.FromAttributes(stack, "Imported", new DiscoveryNamespaceAttributes { NamespaceId = Fn.ImportValue("SharedNamespaceId"), NamespaceArn = Arn, NamespaceName = "internal.example.com" });
        Assert.Equal((Arn, "internal.example.com"), (ns.NamespaceArn, ns.NamespaceName));
    }

    [Fact]
    public void AnImportWithOnlyAnId_OrOnlyAnArn_IsStillCheckedAsAnImport()
    {
        var rule = new NamespaceImportAttributes();
        Assert.Equal(
            [new Violation("NamespaceId 'orders'", "is not a namespace id: expected 'ns-' followed by letters and digits", "Copy the Id from 'aws servicediscovery list-namespaces', e.g. 'ns-ylexjili4cdxy3xm'.")],
            rule.Check(new NamespaceSpec { Type = NamespaceType.HTTP, Name = "api", ImportedId = "orders" }));
        Assert.Equal(
            [new Violation("NamespaceArn 'ns-ylexjili4cdxy3xm'", "is not a Cloud Map namespace ARN: expected 'arn:<partition>:servicediscovery:<region>:<account>:namespace/ns-...'", "Copy the Arn from 'aws servicediscovery list-namespaces'.")],
            rule.Check(new NamespaceSpec { Type = NamespaceType.HTTP, Name = "api", ImportedArn = "ns-ylexjili4cdxy3xm" }));
        Assert.Empty(rule.Check(new NamespaceSpec { Type = NamespaceType.HTTP, Name = "api", ImportedArn = Arn }));
    }

    [Fact]
    public void ANamespaceThisAppCreates_IsNotReadAsAnImport()
    {
        Assert.Empty(new NamespaceImportAttributes().Check(new NamespaceSpec { Type = NamespaceType.HTTP, Name = "api" }));
        Assert.False(new NamespaceSpec { Type = NamespaceType.HTTP, Name = "api" }.IsImport);
    }

    [Fact]
    public void APrivateImportWithOnlyAnIdOrAnArn_NeedsNoVpc()
    {
        var rule = new PrivateNamespaceVpc();
        Assert.Empty(rule.Check(new NamespaceSpec { Type = NamespaceType.DNS_PRIVATE, Name = "internal.example.com", HasVpc = false, ImportedId = "ns-ylexjili4cdxy3xm" }));
        Assert.Empty(rule.Check(new NamespaceSpec { Type = NamespaceType.DNS_PRIVATE, Name = "internal.example.com", HasVpc = false, ImportedArn = Arn }));
        Assert.Single(rule.Check(new NamespaceSpec { Type = NamespaceType.DNS_PRIVATE, Name = "internal.example.com", HasVpc = false }));
    }
}

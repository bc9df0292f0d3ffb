using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using EcsDiscoveryConstructs.Tests.TestSupport;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Tests.Validation;

/// <summary>
/// What the VPC rules (namespace-vpc, cluster default namespace, connect-network, the discovery service's VPC check)
/// count as "another VPC": only what synth knows, never a guess about a token.
/// </summary>
public class VpcsTests
{
    private static Vpc Created(Stack stack, string id) => new(stack, id, new VpcProps { MaxAzs = 1, NatGateways = 0 });

    private static IVpc DeployTimeImport(Stack stack, string id) => Vpc.FromVpcAttributes(stack, id, new VpcAttributes
    {
        VpcId = Fn.ImportValue(id + "Id"),
        AvailabilityZones = ["us-east-1a"],
    });

    [Fact]
    public void TheSameVpc_DoesNotDiffer()
    {
        var stack = TestApp.CreateStack();
        var vpc = Created(stack, "Vpc");
        Assert.False(Vpcs.Differ(vpc, vpc));
    }

    [Fact]
    public void TwoImportsOfOneConcreteId_DoNotDiffer()
    {
        var stack = TestApp.CreateStack();
        Assert.False(Vpcs.Differ(TestApp.ImportedVpc(stack, "A"), TestApp.ImportedVpc(stack, "B")));
    }

    [Fact]
    public void TwoConcreteIds_Differ_EitherWayRound()
    {
        var stack = TestApp.CreateStack();
        var a = TestApp.ImportedVpc(stack, "A", "vpc-0123456789abcdef0");
        var b = TestApp.ImportedVpc(stack, "B", "vpc-0fedcba9876543210");
        Assert.True(Vpcs.Differ(a, b));
        Assert.True(Vpcs.Differ(b, a));
    }

    [Fact]
    public void TwoVpcsCreatedInTheApp_Differ()
    {
        var stack = TestApp.CreateStack();
        Assert.True(Vpcs.Differ(Created(stack, "A"), Created(stack, "B")));
    }

    [Fact]
    public void ACreatedVpcAndAnImport_AreNotKnownToDiffer_WhateverTheImportsId()
    {
        var stack = TestApp.CreateStack();
        var created = Created(stack, "Created");
        foreach (var imported in new[] { TestApp.ImportedVpc(stack, "Concrete"), DeployTimeImport(stack, "Token") })
        {
            Assert.False(Vpcs.Differ(created, imported));
            Assert.False(Vpcs.Differ(imported, created));
        }
    }

    [Fact]
    public void AConcreteImportAndADeployTimeImport_AreNotKnownToDiffer()
    {
        var stack = TestApp.CreateStack();
        var concrete = TestApp.ImportedVpc(stack, "Concrete");
        var token = DeployTimeImport(stack, "Token");
        Assert.False(Vpcs.Differ(concrete, token));
        Assert.False(Vpcs.Differ(token, concrete));
        Assert.False(Vpcs.Differ(token, DeployTimeImport(stack, "OtherToken")));
    }

    [Fact]
    public void Describe_NamesAConcreteIdByItself_AndATokenByItsPath()
    {
        var stack = TestApp.CreateStack();
        Assert.Equal("vpc-0fedcba9876543210", Vpcs.Describe(TestApp.ImportedVpc(stack, "A", "vpc-0fedcba9876543210")));
        Assert.Equal("TestStack/Made", Vpcs.Describe(Created(stack, "Made")));
        Assert.Equal("TestStack/Token", Vpcs.Describe(DeployTimeImport(stack, "Token")));
    }
}

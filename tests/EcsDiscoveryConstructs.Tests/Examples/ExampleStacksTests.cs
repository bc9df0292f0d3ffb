using Amazon.CDK;
using EcsDiscoveryConstructs.Examples;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Examples;

/// <summary>Golden templates of the five example stacks, synthesized as the example app builds them.</summary>
public class ExampleStacksTests
{
    private static T Build<T>(Func<App, string, StackProps, T> create, string name)
        where T : Stack
        => create(TestApp.Create(), name, new StackProps
        {
            Synthesizer = new DefaultStackSynthesizer(new DefaultStackSynthesizerProps { GenerateBootstrapVersionRule = false }),
        });

    [Fact]
    public void FrontendBackendDns()
    {
        var stack = Build((app, id, props) => new FrontendBackendDnsStack(app, id, props), "FrontendBackendDns");
        Assert.Empty(Findings.Warnings(stack));
        Snapshot.Match(stack);
    }

    [Fact]
    public void HttpApiDiscovery()
    {
        var stack = Build((app, id, props) => new HttpApiDiscoveryStack(app, id, props), "HttpApiDiscovery");
        Assert.Empty(Findings.Warnings(stack));
        Snapshot.Match(stack);
    }

    [Fact]
    public void ServiceConnect()
    {
        var stack = Build((app, id, props) => new ServiceConnectStack(app, id, props), "ServiceConnect");
        Assert.Empty(Findings.Warnings(stack));
        Snapshot.Match(stack);
    }

    [Fact]
    public void ECommerce()
    {
        var stack = Build((app, id, props) => new ECommerceStack(app, id, props), "ECommerce");
        Assert.Empty(Findings.Warnings(stack));
        Snapshot.Match(stack);
    }

    [Fact]
    public void PublicApi()
    {
        var stack = Build((app, id, props) => new PublicApiStack(app, id, props), "PublicApi");
        Assert.Empty(Findings.Warnings(stack));
        Snapshot.Match(stack);
    }
}

using Amazon.CDK;
using EcsDiscoveryConstructs.Examples;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Examples;

/// <summary>Golden templates of the seven example stacks, synthesized as the example app builds them.</summary>
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

    [Fact]
    public void CopilotLayout()
    {
        var stack = Build((app, id, props) => new CopilotLayoutStack(app, id, props), "CopilotLayout");
        Assert.Empty(Findings.Warnings(stack));
        Snapshot.Match(stack);
    }

    [Fact]
    public void AppMeshLayout()
    {
        var stack = Build((app, id, props) => new AppMeshLayoutStack(app, id, props), "AppMeshLayout");
        Assert.Empty(Findings.Warnings(stack));
        Snapshot.Match(stack);
    }

    [Fact]
    public void AppMeshLayout_WithAPrivateCa_UsesTlsOnEveryEndpoint()
    {
        var app = TestApp.Create(new Dictionary<string, object> { ["privateCaArn"] = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/0a1b2c3d-4e5f-6789-abcd-ef0123456789" });
        var stack = new AppMeshLayoutStack(app, "AppMeshLayout", new StackProps { Synthesizer = new DefaultStackSynthesizer(new DefaultStackSynthesizerProps { GenerateBootstrapVersionRule = false }) });
        var tls = Templates.OfType(stack, "AWS::ECS::Service").Values.Select(s => s.ToJsonString()).Count(json => json.Contains("\"IssuerCertificateAuthority\"", StringComparison.Ordinal));
        Assert.Equal(2, tls);
    }

    [Fact]
    public void SharedNamespaceProducer()
    {
        var stack = new SharedNamespaceProducerStack(TestApp.Create(), "SharedNamespaceProducer", "222222222222", AccountBound("111111111111"));
        Assert.Empty(Findings.Warnings(stack));
        Snapshot.Match(stack);
    }

    [Fact]
    public void SharedNamespaceConsumer()
    {
        var stack = new SharedNamespaceConsumerStack(TestApp.Create(), "SharedNamespaceConsumer", "arn:aws:servicediscovery:us-east-1:111111111111:namespace/ns-0123456789abcdef0", AccountBound("222222222222"));
        Assert.Empty(Findings.Warnings(stack));
        Snapshot.Match(stack);
    }

    /// <summary>Props of a stack bound to <paramref name="account"/> in us-east-1, as the two-account example needs.</summary>
    private static StackProps AccountBound(string account) => new()
    {
        Env = new Amazon.CDK.Environment { Account = account, Region = "us-east-1" },
        Synthesizer = new DefaultStackSynthesizer(new DefaultStackSynthesizerProps { GenerateBootstrapVersionRule = false }),
    };
}

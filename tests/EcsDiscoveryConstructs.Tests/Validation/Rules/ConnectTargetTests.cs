using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ConnectTargetTests
{
    [Fact]
    public void DnsTarget_GetsHostPortAndSecurityGroupRule()
    {
        var w = new Workloads();
        var backend = w.DnsService("Backend", "backend");
        var frontend = new DiscoverableFargateService(w.Stack, "Frontend", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "frontend", Container = Workloads.WebContainer() });
        var connection = frontend.ConnectTo(backend);
        Assert.Equal(ConnectionMode.Dns, connection.Mode);
        Assert.Equal(
            new Dictionary<string, string> { ["BACKEND_HOST"] = "backend.internal.example.com", ["BACKEND_PORT"] = "8080", ["BACKEND_ENDPOINT"] = "backend.internal.example.com:8080" },
            connection.Environment);
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::EC2::SecurityGroupIngress", new Dictionary<string, object> { ["FromPort"] = 8080, ["ToPort"] = 8080, ["IpProtocol"] = "tcp" });
    }

    [Fact]
    public void UndiscoverableTarget_FailsWithMessageNamingBoth()
    {
        var w = new Workloads();
        var backend = new DiscoverableFargateService(w.Stack, "Backend", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "backend", Container = Workloads.WebContainer() });
        var frontend = new DiscoverableFargateService(w.Stack, "Frontend", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "frontend", Container = Workloads.WebContainer() });
        var error = Findings.Error(() => frontend.ConnectTo(backend));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Frontend': target 'TestStack/Backend' is not discoverable: it has neither Service Connect endpoints nor a Cloud Map registration. Give the target ServiceConnect endpoints or a CloudMap registration. [ecs-discovery:connect-target]",
            error.Message);
    }

    [Fact]
    public void BadPrefixAndSelf_Fail()
    {
        var w = new Workloads();
        var backend = w.DnsService("Backend", "backend");
        var error = Findings.Error(() => backend.ConnectTo(backend, "backend-url"));
        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("target 'TestStack/Backend' is the calling service itself", error.Errors[0], StringComparison.Ordinal);
        Assert.Contains("variablePrefix 'backend-url' is not an environment-variable name", error.Errors[1], StringComparison.Ordinal);
    }
}

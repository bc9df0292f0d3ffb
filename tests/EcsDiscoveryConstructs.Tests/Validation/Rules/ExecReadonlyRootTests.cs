using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ExecReadonlyRootTests
{
    [Fact]
    public void WritableRoot_Passes()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        service.EnableExec(new ExecOptions { EnableInitProcess = true });
        Assert.True(service.ExecEnabled);
    }

    [Fact]
    public void ReadonlyRoot_FailsWithMessage()
    {
        var w = new Workloads();
        var container = Workloads.WebContainer();
        container.ReadonlyRootFilesystem = true;
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = container, Exec = new ExecOptions() }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': Container 'app' ReadonlyRootFilesystem true prevents ECS Exec: the SSM agent ECS injects must write to the container's file system. Set ReadonlyRootFilesystem = false on this container, or leave Exec off for this service. [ecs-discovery:exec-readonly-root]",
            error.Message);
    }

    [Fact]
    public void ReadonlyRootWithoutExec_Passes()
    {
        var w = new Workloads();
        var container = Workloads.WebContainer();
        container.ReadonlyRootFilesystem = true;
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = container });
        Assert.False(service.ExecEnabled);
    }
}

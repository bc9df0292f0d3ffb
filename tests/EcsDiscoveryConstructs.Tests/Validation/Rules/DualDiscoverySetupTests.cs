using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class DualDiscoverySetupTests
{
    [Fact]
    public void Dual_InPrivateDnsNamespace_CreatesBothWithDistinctNames()
    {
        var w = new Workloads();
        var service = w.ScService("Payments", "payments", dual: true);
        Assert.Equal(("payments", "payments-sc", "payments.internal.example.com"), (service.CloudMapServiceName, service.ServiceConnectAliases[0].DiscoveryName, service.ServiceConnectAliases[0].DnsName));
        Assert.Equal("payments.internal.example.com", service.DnsName);
    }

    [Fact]
    public void Dual_InHttpNamespace_FailsWithMessage()
    {
        var w = new Workloads();
        var http = Fixtures.HttpNamespace(w.Stack);
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Payments", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "payments",
            Container = Workloads.WebContainer(),
            ServiceConnect = new ServiceConnectOptions { Namespace = http, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http" }] },
            DualDiscovery = true,
        }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Payments': DualDiscovery true needs a DNS namespace for the Cloud Map service, but the Service Connect namespace is an HTTP namespace (or none). Use a private DNS namespace for ServiceConnect.Namespace, or set CloudMap = new CloudMapRegistrationOptions { Namespace = privateDnsNamespace }. [ecs-discovery:dual-discovery-setup]",
            error.Message);
    }

    [Fact]
    public void Dual_InHttpNamespaceWithCloudMapNamespace_Passes()
    {
        var w = new Workloads();
        var http = Fixtures.HttpNamespace(w.Stack);
        var service = new DiscoverableFargateService(w.Stack, "Payments", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "payments",
            Container = Workloads.WebContainer(),
            ServiceConnect = new ServiceConnectOptions { Namespace = http, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http" }] },
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
            DualDiscovery = true,
        });
        Assert.Equal(("payments.internal.example.com", "payments-sc"), (service.DnsName, service.ServiceConnectAliases[0].DiscoveryName));
    }

    [Fact]
    public void Dual_WithoutEndpoints_Fails()
    {
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Payments", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "payments",
            Container = Workloads.WebContainer(),
            ServiceConnect = new ServiceConnectOptions { Namespace = w.Namespace },
            DualDiscovery = true,
        }));
        Assert.Equal(["DiscoverableFargateService 'TestStack/Payments': DualDiscovery true needs ServiceConnect with at least one endpoint. Add ServiceConnect.Endpoints, or turn DualDiscovery off. [ecs-discovery:dual-discovery-setup]"], error.Errors);
    }
}

using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.CloudMap;

public class HttpDiscoveryNamespaceTests
{
    [Fact]
    public void Service_InHttpNamespace_HasTypeHttpAndNoDnsConfig()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Jobs", new DiscoveryServiceProps { Namespace = Fixtures.HttpNamespace(stack), Name = "jobs" });
        Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["Name"] = "jobs",
            ["DnsConfig"] = Match.Absent(),
        });
        Assert.Equal((false, (string?)null, DiscoveryHealthCheck.None), (service.UsesDns, service.DnsName, service.HealthCheck));
    }

    [Fact]
    public void Golden_ServiceWithCustomHealth()
    {
        var stack = TestApp.CreateStack();
        var ns = new HttpDiscoveryNamespace(stack, "Namespace", new HttpDiscoveryNamespaceProps { Name = "internal-api", Description = "API-only discovery" });
        _ = new DiscoveryService(stack, "Payments", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "payments",
            Description = "Found with DiscoverInstances",
            CustomHealthCheck = new CustomHealthCheckOptions(),
        });
        Assert.Equal(NamespaceType.HTTP, ns.NamespaceType);
        Snapshot.Match(stack);
    }
}

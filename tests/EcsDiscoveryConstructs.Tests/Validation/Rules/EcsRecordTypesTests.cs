using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class EcsRecordTypesTests
{
    [Fact]
    public void ASrv_Passes()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv });
        Assert.Equal(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, service.CloudMapRecords);
    }

    [Fact]
    public void Aaaa_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsRecords = DiscoveryRecordTypes.Aaaa }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': CloudMap DnsRecords AAAA cannot be registered by ECS for Fargate tasks: use A, SRV or A+SRV. Set DnsRecords = DiscoveryRecordTypes.A (or A | Srv for ports too). [ecs-discovery:ecs-record-types]",
            error.Message);
    }
}

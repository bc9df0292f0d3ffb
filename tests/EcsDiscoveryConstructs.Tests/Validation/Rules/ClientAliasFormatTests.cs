using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Tests.TestSupport;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ClientAliasFormatTests
{
    [Fact]
    public void Alias_IsEmittedWithPort()
    {
        var w = new Workloads();
        var service = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "orders.shop", Port = 80 });
        Assert.Equal(("orders.shop", 80), (service.ServiceConnectAliases[0].DnsName, service.ServiceConnectAliases[0].Port));
    }

    [Fact]
    public void UppercaseNameAndPortZero_FailWithMessages()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "Orders.Shop", Port = 0 }));
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].DnsName 'Orders.Shop' is invalid: use 1-127 lowercase letters, digits, '_', '-' or '.', not starting with '-'. Use a lowercase DNS-style name, e.g. 'orders' or 'orders.internal'. [ecs-discovery:client-alias-format]",
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].Port 0 is out of range: use 1-65535. Use the port clients connect to, e.g. 80. [ecs-discovery:client-alias-format]",
            ],
            error.Errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65535)]
    public void AliasOfTheLongestLengthAndPortsAtTheEdges_AreEmitted(int port)
    {
        var w = new Workloads();
        var alias = new string('a', 127);
        var service = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = alias, Port = port });
        Assert.Equal((alias, port), (service.ServiceConnectAliases[0].DnsName, service.ServiceConnectAliases[0].Port));
    }

    [Fact]
    public void AliasOneCharacterTooLongAndPortAboveTheRange_FailWithMessages()
    {
        var w = new Workloads();
        var alias = new string('a', 128);
        var error = Findings.Error(() => w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = alias, Port = 65536 }));
        Assert.Equal(
            [
                $"DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].DnsName '{alias}' has 128 characters: use at most 127. Use a lowercase DNS-style name, e.g. 'orders' or 'orders.internal'. [ecs-discovery:client-alias-format]",
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].Port 65536 is out of range: use 1-65535. Use the port clients connect to, e.g. 80. [ecs-discovery:client-alias-format]",
            ],
            error.Errors);
    }

    [Fact]
    public void DerivedAlias_InAnUpperCaseHttpNamespace_IsLowerCased()
    {
        var w = new Workloads();
        var ns = new HttpDiscoveryNamespace(w.Stack, "Http", new HttpDiscoveryNamespaceProps { Name = "Internal" });
        var service = w.ScServiceIn(ns, "Api", "api");
        Assert.Equal("api.internal", service.ServiceConnectAliases[0].DnsName);
    }

    [Fact]
    public void DualDiscoveryAlias_FromAnUpperCaseCloudMapName_IsLowerCasedAndEmitted()
    {
        var w = new Workloads();
        var ns = new PrivateDnsDiscoveryNamespace(w.Stack, "Apps", new PrivateDnsDiscoveryNamespaceProps { Name = "Apps.Example.com", Vpc = w.Vpc });
        var service = new DiscoverableFargateService(w.Stack, "Api", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "api",
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions { Namespace = ns, Name = "Api" },
            ServiceConnect = new ServiceConnectOptions { Namespace = ns, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http" }] },
            DualDiscovery = true,
        });
        Assert.Equal("api.apps.example.com", service.ServiceConnectAliases[0].DnsName);
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceConnectConfiguration"] = Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object>
            {
                ["Services"] = new object[] { Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["ClientAliases"] = new object[] { new Dictionary<string, object> { ["DnsName"] = "api.apps.example.com", ["Port"] = 8080 } } }) },
            }),
        });
    }

    [Fact]
    public void DerivedAlias_LongerThan127Characters_FailsNamingTheDerivedValue()
    {
        var w = new Workloads();
        var longName = string.Join('.', Enumerable.Repeat(new string('n', 59), 2)) + "." + new string('n', 10);
        var ns = new PrivateDnsDiscoveryNamespace(w.Stack, "Long", new PrivateDnsDiscoveryNamespaceProps { Name = longName, Vpc = w.Vpc });
        var error = Findings.Error(() => w.ScServiceIn(ns, "Orders", "orders"));
        var alias = $"orders.{longName}";
        Assert.Equal(
            [$"DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].DnsName (not set; derived from the discovery name and namespace: '{alias}') has {alias.Length} characters: use at most 127. Set ServiceConnect.Endpoints[0].DnsName to a short alias, e.g. 'orders', or use a shorter namespace or discovery name. [ecs-discovery:client-alias-format]"],
            error.Errors);
    }
}

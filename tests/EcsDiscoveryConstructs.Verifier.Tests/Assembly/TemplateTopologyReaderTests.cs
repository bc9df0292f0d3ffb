using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.Verifier.Tests.Assembly;

public class TemplateTopologyReaderTests
{
    private static StackTopology Example(string stack) => TemplateTopologyReader.Read(stack, File.ReadAllText(RepoRoot.ExampleTemplate(stack)));

    [Fact]
    public void ECommerce_NamespaceServicesCountsAndRegistries()
    {
        var topology = Example("ECommerce");
        var ns = Assert.Single(topology.Namespaces);
        Assert.Equal(("internal.example.com", NamespaceKind.PrivateDns, (long?)15), (ns.Name.Literal, ns.Kind, ns.SoaTtl));
        Assert.Equal(["inventory", "notifications", "orders", "payments"], topology.CloudMapServices.Select(c => c.Name.Literal).Order());
        Assert.All(topology.CloudMapServices, c => Assert.Equal((HealthCheckKind.Custom, "MULTIVALUE", 5L), (c.HealthCheck, c.RoutingPolicy, c.DnsRecords.Single().Ttl)));

        var inventory = topology.EcsServices.Single(e => e.Name.Literal == "inventory");
        Assert.Equal((2, 10, 100), (inventory.DesiredCount, inventory.ExpectedMin, inventory.ExpectedMax));
        var registry = topology.CloudMapServices.Single(c => c.LogicalId == inventory.RegistryServiceLogicalId);
        Assert.Equal("inventory", registry.Name.Literal);

        var payments = topology.EcsServices.Single(e => e.Name.Literal == "payments");
        var endpoint = Assert.Single(payments.Endpoints);
        Assert.Equal(("payments-sc", "payments.internal.example.com", 80), (endpoint.DiscoveryName, endpoint.DnsName!.Literal, endpoint.Port));
    }

    [Fact]
    public void Connections_ModeFollowsTheCallersDiscoveryVariables()
    {
        Assert.Equal([ConnectionKind.Dns, ConnectionKind.Dns, ConnectionKind.Dns], Example("ECommerce").Connections.Select(c => c.Kind));
        Assert.Equal(ConnectionKind.CloudMapApi, Assert.Single(Example("HttpApiDiscovery").Connections).Kind);
        var sc = Assert.Single(Example("ServiceConnect").Connections);
        Assert.Equal((ConnectionKind.ServiceConnect, 80), (sc.Kind, sc.Port));
    }

    [Fact]
    public void HttpNamespaceService_IsApiOnly()
    {
        var service = Assert.Single(Example("HttpApiDiscovery").CloudMapServices);
        Assert.False(service.DnsDiscovery);
        Assert.Equal(NamespaceKind.Http, Example("HttpApiDiscovery").Namespaces.Single().Kind);
    }

    [Fact]
    public void DeclaredInstances_KeepTheirIdsAndAttributes_ComputedValuesUnresolved()
    {
        const string Template = """
            {"Resources":{
              "Ns":{"Type":"AWS::ServiceDiscovery::PublicDnsNamespace","Properties":{"Name":"foobar.com"}},
              "Svc":{"Type":"AWS::ServiceDiscovery::Service","Properties":{"Name":"foo","NamespaceId":{"Fn::GetAtt":["Ns","Id"]}}},
              "Cname":{"Type":"AWS::ServiceDiscovery::Instance","Properties":{"InstanceId":"legacy","ServiceId":{"Fn::GetAtt":["Svc","Id"]},"InstanceAttributes":{"AWS_INSTANCE_CNAME":"service.pizza","team":"shop"}}},
              "Alias":{"Type":"AWS::ServiceDiscovery::Instance","Properties":{"InstanceId":"lb","ServiceId":{"Ref":"Svc"},"InstanceAttributes":{"AWS_ALIAS_DNS_NAME":{"Fn::GetAtt":["Lb","DNSName"]}}}},
              "Orphan":{"Type":"AWS::ServiceDiscovery::Instance","Properties":{"InstanceId":"x","ServiceId":"srv-0123456789abcdef","InstanceAttributes":[]}}
            }}
            """;
        var topology = TemplateTopologyReader.Read("Instances", Template);
        Assert.Equal(["Alias", "Cname"], topology.Instances.Select(i => i.LogicalId).Order());
        var cname = topology.Instances.Single(i => i.LogicalId == "Cname");
        Assert.Equal(("Svc", "legacy"), (cname.ServiceLogicalId, cname.InstanceId.Literal));
        Assert.Equal(new Dictionary<string, string?> { ["AWS_INSTANCE_CNAME"] = "service.pizza", ["team"] = "shop" }, cname.Attributes.ToDictionary(a => a.Key, a => a.Value.Literal));
        Assert.False(topology.Instances.Single(i => i.LogicalId == "Alias").Attributes["AWS_ALIAS_DNS_NAME"].IsResolved);
        Assert.Equal(2, topology.DeclaredInstances["Svc"]);
    }

    [Fact]
    public void UnresolvedNames_AreReportedNotGuessed()
    {
        const string Template = """
            {"Resources":{
              "Ns":{"Type":"AWS::ServiceDiscovery::HttpNamespace","Properties":{"Name":{"Ref":"NamespaceName"}}},
              "Svc":{"Type":"AWS::ServiceDiscovery::Service","Properties":{"Name":{"Fn::Join":["-",["a","b"]]},"NamespaceId":{"Fn::GetAtt":["Ns","Id"]}}},
              "Ecs":{"Type":"AWS::ECS::Service","Properties":{"DesiredCount":{"Ref":"Count"},"ServiceRegistries":[{"RegistryArn":{"Fn::GetAtt":["Svc","Arn"]}}]}}
            }}
            """;
        var topology = TemplateTopologyReader.Read("Tokens", Template);
        Assert.False(topology.Namespaces[0].Name.IsResolved);
        Assert.Equal("(unresolved: {\"Ref\":\"NamespaceName\"})", topology.Namespaces[0].Name.ToString());
        Assert.Equal("Ns", topology.CloudMapServices[0].NamespaceLogicalId);
        Assert.Null(topology.EcsServices[0].DesiredCount);
        Assert.Equal("Svc", topology.EcsServices[0].RegistryServiceLogicalId);
        Assert.False(topology.EcsServices[0].Name.IsResolved);
    }

    [Theory]
    [InlineData("{", "is not valid JSON")]
    [InlineData("{\"Outputs\":{}}", "has no Resources section")]
    public void BrokenTemplate_FailsWithReason(string json, string reason)
    {
        var error = Assert.Throws<AssemblyException>(() => TemplateTopologyReader.Read("Broken", json));
        Assert.Contains($"The template of stack 'Broken' {reason}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("internal.example.com", "Private")]
    [InlineData("{\"Fn::GetAtt\":[\"Private\",\"Arn\"]}", "Private")]
    [InlineData("shared.example.com", null)]
    [InlineData("other.example.com", null)]
    [InlineData("arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-0123456789abcdef", "imported:ns-0123456789abcdef@123456789012")]
    [InlineData("ns-0123456789abcdef", "imported:ns-0123456789abcdef")]
    public void ServiceConnect_NamesItsNamespaceByReferenceOrByTheNameOfExactlyOneNamespace(string reference, string? expected)
    {
        var value = reference.StartsWith('{') ? reference : $"\"{reference}\"";
        var template = """
            {"Resources":{
              "Private":{"Type":"AWS::ServiceDiscovery::PrivateDnsNamespace","Properties":{"Name":"internal.example.com","Vpc":"vpc-1"}},
              "SharedA":{"Type":"AWS::ServiceDiscovery::HttpNamespace","Properties":{"Name":"shared.example.com"}},
              "SharedB":{"Type":"AWS::ServiceDiscovery::PrivateDnsNamespace","Properties":{"Name":"shared.example.com","Vpc":"vpc-1"}},
              "Orders":{"Type":"AWS::ECS::Service","Properties":{"ServiceName":"orders","ServiceConnectConfiguration":{"Enabled":true,"Namespace":NAMESPACE,"Services":[{"PortName":"http"}]}}}
            }}
            """.Replace("NAMESPACE", value, StringComparison.Ordinal);
        Assert.Equal(expected, TemplateTopologyReader.Read("Connect", template).EcsServices.Single().ServiceConnectNamespaceLogicalId);
    }

    [Theory]
    [InlineData("HttpNamespace", "\"orders\", \"shop.local\"", nameof(ConnectionKind.CloudMapApi))]
    [InlineData("HttpNamespace", "\"orders\"", nameof(ConnectionKind.Network))]
    [InlineData("HttpNamespace", "\"shop.local\"", nameof(ConnectionKind.Network))]
    [InlineData("HttpNamespace", "\"orders.shop.local:80\"", nameof(ConnectionKind.Network))]
    [InlineData("PrivateDnsNamespace", "\"orders.shop.local:80\"", nameof(ConnectionKind.Dns))]
    [InlineData("PrivateDnsNamespace", "\"http://orders.shop.local\"", nameof(ConnectionKind.Dns))]
    [InlineData("PrivateDnsNamespace", "\"HTTPS://user@Orders.Shop.Local.:8443/api?x=1\"", nameof(ConnectionKind.Dns))]
    [InlineData("PrivateDnsNamespace", "\"orders.shop.localhost:80\"", nameof(ConnectionKind.Network))]
    [InlineData("PrivateDnsNamespace", "\"payments.orders.shop.local\"", nameof(ConnectionKind.Network))]
    [InlineData("PrivateDnsNamespace", "", nameof(ConnectionKind.Network))]
    public void ConnectionKind_NeedsBothNamesForTheApi_AndTheFullDnsNameForDns(string namespaceType, string environment, string expected)
    {
        var dnsConfig = namespaceType == "HttpNamespace" ? string.Empty : ",\"DnsConfig\":{\"DnsRecords\":[{\"Type\":\"A\",\"TTL\":10}]}";
        var variables = string.Join(",", environment.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select((v, i) => $"{{\"Name\":\"V{i}\",\"Value\":{v}}}"));
        var template = """
            {"Resources":{
              "Ns":{"Type":"AWS::ServiceDiscovery::NAMESPACE_TYPE","Properties":{"Name":"shop.local"}},
              "OrdersRegistry":{"Type":"AWS::ServiceDiscovery::Service","Properties":{"Name":"orders","NamespaceId":{"Fn::GetAtt":["Ns","Id"]}DNS_CONFIG}},
              "WebTask":{"Type":"AWS::ECS::TaskDefinition","Properties":{"ContainerDefinitions":[{"Name":"app","Environment":[VARIABLES]}]}},
              "Web":{"Type":"AWS::ECS::Service","Properties":{"TaskDefinition":{"Ref":"WebTask"},"NetworkConfiguration":{"AwsvpcConfiguration":{"SecurityGroups":[{"Fn::GetAtt":["WebSg","GroupId"]}]}}}},
              "Orders":{"Type":"AWS::ECS::Service","Properties":{"ServiceRegistries":[{"RegistryArn":{"Fn::GetAtt":["OrdersRegistry","Arn"]}}],"NetworkConfiguration":{"AwsvpcConfiguration":{"SecurityGroups":[{"Fn::GetAtt":["OrdersSg","GroupId"]}]}}}},
              "WebToOrders":{"Type":"AWS::EC2::SecurityGroupIngress","Properties":{"GroupId":{"Fn::GetAtt":["OrdersSg","GroupId"]},"SourceSecurityGroupId":{"Fn::GetAtt":["WebSg","GroupId"]},"FromPort":80}}
            }}
            """.Replace("NAMESPACE_TYPE", namespaceType, StringComparison.Ordinal).Replace("DNS_CONFIG", dnsConfig, StringComparison.Ordinal).Replace("VARIABLES", variables, StringComparison.Ordinal);
        var connection = Assert.Single(TemplateTopologyReader.Read("Kinds", template).Connections);
        Assert.Equal(("Web", "Orders", 80, Enum.Parse<ConnectionKind>(expected)), (connection.FromLogicalId, connection.ToLogicalId, connection.Port, connection.Kind));
    }

    [Fact]
    public void SharedNamespaceConsumer_ItsServicesUseTheNamespaceByArn_WithTheOwnerAccount()
    {
        var topology = TemplateTopologyReader.Read("SharedNamespaceConsumer", File.ReadAllText(RepoRoot.ExampleTemplate("SharedNamespaceConsumer")));
        var shared = Assert.Single(topology.ImportedNamespaces);
        Assert.Equal(new ImportedNamespaceInfo("imported:ns-0123456789abcdef0@111111111111", "ns-0123456789abcdef0", "111111111111"), shared);
        Assert.Equal(shared.Key, Assert.Single(topology.CloudMapServices).NamespaceLogicalId);
        Assert.Equal(shared.Key, Assert.Single(topology.EcsServices).ServiceConnectNamespaceLogicalId);
        Assert.Equal(["team=checkout", "tier=critical"], topology.CloudMapServices[0].ServiceAttributes.Select(a => $"{a.Key}={a.Value}"));
    }

    [Theory]
    [InlineData("arn:aws:ecs:us-east-1:111111111111:namespace/ns-0123456789abcdef0")]
    [InlineData("arn:aws:servicediscovery:us-east-1:11111111111:namespace/ns-0123456789abcdef0")]
    [InlineData("arn:aws:servicediscovery:us-east-1:111111111111:service/srv-0123456789abcdef0")]
    [InlineData("arn:aws:servicediscovery:us-east-1:111111111111:namespace/ns-")]
    [InlineData("arn:aws:servicediscovery:us-east-1:111111111111:namespace/ns-01234567/x")]
    [InlineData("ns-0123456789abcdéf")]
    [InlineData("ns-")]
    [InlineData("platform")]
    [InlineData("${Token[TOKEN.12]}")]
    [InlineData("")]
    public void ALiteralThatIsNoNamespaceIdOrArn_NamesNoImportedNamespace(string literal)
        => Assert.Null(ImportedNamespaceInfo.KeyOf(literal));

    [Fact]
    public void AnImportedKey_RoundTrips_AndALogicalIdIsNoImport()
    {
        Assert.Equal(new ImportedNamespaceInfo("imported:ns-abc123@222222222222", "ns-abc123", "222222222222"), ImportedNamespaceInfo.FromKey(ImportedNamespaceInfo.KeyOf("arn:aws-cn:servicediscovery:cn-north-1:222222222222:namespace/ns-abc123")));
        Assert.Null(ImportedNamespaceInfo.FromKey("PlatformNamespace12AB"));
        Assert.Null(ImportedNamespaceInfo.FromKey(null));
    }
}

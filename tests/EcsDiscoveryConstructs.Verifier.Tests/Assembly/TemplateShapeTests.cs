using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.Verifier.Tests.Assembly;

/// <summary>A template of another shape than CloudFormation's fails naming the JSON path and what was found, never deep inside the reader.</summary>
public sealed class TemplateShapeTests
{
    private const string Source = "The template of stack 'Shapes'";

    private static string Fails(string resources)
        => Assert.Throws<AssemblyException>(() => TemplateTopologyReader.Read("Shapes", "{\"Resources\":{" + resources + "}}")).Message;

    private static StackTopology Reads(string resources) => TemplateTopologyReader.Read("Shapes", "{\"Resources\":{" + resources + "}}");

    [Theory]
    [InlineData("[]", "the document is a list, expected an object")]
    [InlineData("""{"Resources":[]}""", "Resources is a list, expected an object")]
    public void TheDocumentAndResources_AreObjects(string template, string message)
        => Assert.Equal($"{Source}: {message}", Assert.Throws<AssemblyException>(() => TemplateTopologyReader.Read("Shapes", template)).Message);

    [Theory]
    [InlineData("""{"R":"x"}""", "Resources.R is a string, expected an object")]
    [InlineData("""{"R":{"Type":7}}""", "Resources.R.Type is a number, expected a string")]
    [InlineData("""{"R":{"Type":"AWS::ECS::Service","Properties":[]}}""", "Resources.R.Properties is a list, expected an object")]
    [InlineData("""{"R":{"Type":"AWS::ECS::TaskDefinition","Properties":{"ContainerDefinitions":"app"}}}""", "Resources.R.Properties.ContainerDefinitions is a string, expected a list")]
    [InlineData("""{"R":{"Type":"AWS::ECS::TaskDefinition","Properties":{"ContainerDefinitions":[true]}}}""", "Resources.R.Properties.ContainerDefinitions[0] is a boolean, expected an object")]
    [InlineData("""{"R":{"Type":"AWS::ECS::TaskDefinition","Properties":{"ContainerDefinitions":[{"PortMappings":[{},3]}]}}}""", "Resources.R.Properties.ContainerDefinitions[0].PortMappings[1] is a number, expected an object")]
    [InlineData("""{"R":{"Type":"AWS::ServiceDiscovery::Service","Properties":{"DnsConfig":[]}}}""", "Resources.R.Properties.DnsConfig is a list, expected an object")]
    [InlineData("""{"R":{"Type":"AWS::ServiceDiscovery::Service","Properties":{"DnsConfig":{"DnsRecords":[{"Type":"A"},"SRV"]}}}}""", "Resources.R.Properties.DnsConfig.DnsRecords[1] is a string, expected an object")]
    [InlineData("""{"R":{"Type":"AWS::ServiceDiscovery::PrivateDnsNamespace","Properties":{"Properties":{"DnsProperties":{"SOA":5}}}}}""", "Resources.R.Properties.Properties.DnsProperties.SOA is a number, expected an object")]
    [InlineData("""{"R":{"Type":"AWS::ECS::Service","Properties":{"ServiceConnectConfiguration":{"Services":[{"ClientAliases":[[]]}]}}}}""", "Resources.R.Properties.ServiceConnectConfiguration.Services[0].ClientAliases[0] is a list, expected an object")]
    [InlineData("""{"R":{"Type":"AWS::ECS::Service","Properties":{"NetworkConfiguration":false}}}""", "Resources.R.Properties.NetworkConfiguration is a boolean, expected an object")]
    public void EachPropertyTheReaderWalksInto_HasItsShapeChecked(string resources, string message)
        => Assert.Equal($"{Source}: {message}", Fails(resources[1..^1]));

    [Fact]
    public void AnIntrinsicFunctionInPlaceOfAListOrAString_IsLeftAlone()
    {
        var topology = Reads("""
            "Svc":{"Type":"AWS::ECS::Service","Properties":{"ServiceRegistries":{"Fn::If":["C",[],[]]},"NetworkConfiguration":"computed","TaskDefinition":{"Ref":"Task"},
              "ServiceConnectConfiguration":{"Services":{"Fn::If":["C",[],[]]}}}},
            "Other":{"Type":"AWS::ECS::Service","Properties":{"TaskDefinition":{"Ref":"Defs"},"ServiceConnectConfiguration":{"Services":[{"PortName":"p","ClientAliases":{"Fn::If":["C",[],[]]}}]}}},
            "Task":{"Type":"AWS::ECS::TaskDefinition","Properties":{"ContainerDefinitions":[{"PortMappings":{"Fn::If":["C",[],[]]},"Environment":{"Fn::If":["C",[],[]]}}]}},
            "Defs":{"Type":"AWS::ECS::TaskDefinition","Properties":{"ContainerDefinitions":{"Fn::If":["C",[],[]]}}},
            "Registry":{"Type":"AWS::ServiceDiscovery::Service","Properties":{"DnsConfig":{"DnsRecords":{"Fn::If":["C",[],[]]}}}}
            """);
        var service = topology.EcsServices.Single(s => s.LogicalId == "Svc");
        Assert.Equal((null, null, 0, 0), (service.RegistryServiceLogicalId, service.RegistryPort, service.NamedPorts.Count, service.Endpoints.Count));
        var other = topology.EcsServices.Single(s => s.LogicalId == "Other");
        Assert.Equal(("p", null), (Assert.Single(other.Endpoints).PortName, other.Endpoints[0].DnsName));
        Assert.Empty(Assert.Single(topology.CloudMapServices).DnsRecords);
    }

    [Fact]
    public void ValuesOfAnotherShapeWhereTheReaderLooksDeeper_AreNotRead()
    {
        var topology = Reads("""
            "Fn":{"Type":"AWS::Lambda::Function","Properties":{"Environment":{"Variables":["ECS_DISCOVERY_STACK"]}}},
            "Fn2":{"Type":"AWS::Lambda::Function","Properties":{"Environment":[{"Name":"ECS_DISCOVERY_STACK","Value":"x"}]}},
            "Ns":{"Type":"AWS::ServiceDiscovery::PrivateDnsNamespace","Properties":{"Name":"a.internal","Properties":"computed"}},
            "Svc":{"Type":"AWS::ECS::Service","Properties":{"NetworkConfiguration":{"AwsvpcConfiguration":"computed"}}}
            """);
        Assert.Empty(topology.Canaries);
        Assert.Null(Assert.Single(topology.Namespaces).SoaTtl);
        Assert.Single(topology.EcsServices);
    }

    [Fact]
    public void TheSourceNamesTheFile_WhenGiven()
        => Assert.Equal(
            "cdk.out/Shop.template.json: Resources.R is a number, expected an object",
            Assert.Throws<AssemblyException>(() => TemplateTopologyReader.Read("Shop", """{"Resources":{"R":1}}""", "cdk.out/Shop.template.json")).Message);
}

using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Expectations;
using EcsDiscoveryConstructs.Verifier.Input;

namespace EcsDiscoveryConstructs.Verifier.Tests.Canary;

public sealed class ExpectedModelJsonTests
{
    [Theory]
    [InlineData("ECommerce")]
    [InlineData("CopilotLayout")]
    [InlineData("ServiceConnect")]
    public void Model_RoundTrips_AsVerifyDerivesIt(string stack)
    {
        var derived = ExpectedState.From([TemplateTopologyReader.Read(stack, File.ReadAllText(RepoRoot.ExampleTemplate(stack)))]);
        var read = ExpectedModelJson.Read(ExpectedModelJson.Write(derived));
        Assert.Equal(derived.Namespaces, read.Namespaces);
        Assert.Equal(
            derived.Services.Select(s => (s.Stack, s.Source, s.Name.Literal, s.Namespace, string.Join(",", s.DnsRecords), s.RoutingPolicy, s.HealthCheck, s.MinInstances, s.MaxInstances, string.Join(",", s.EcsServiceNames.Select(n => n.Literal)), s.ServiceConnect)),
            read.Services.Select(s => (s.Stack, s.Source, s.Name.Literal, s.Namespace, string.Join(",", s.DnsRecords), s.RoutingPolicy, s.HealthCheck, s.MinInstances, s.MaxInstances, string.Join(",", s.EcsServiceNames.Select(n => n.Literal)), s.ServiceConnect)));
    }

    [Fact]
    public void AnImportedNamespace_RoundTripsWithItsOwner()
    {
        var derived = ExpectedState.From([TemplateTopologyReader.Read("SharedNamespaceConsumer", File.ReadAllText(RepoRoot.ExampleTemplate("SharedNamespaceConsumer")))]);
        var read = ExpectedModelJson.Read(ExpectedModelJson.Write(derived));
        Assert.Equal(derived.Namespaces, read.Namespaces);
        Assert.Equal((true, "111111111111", "ns-0123456789abcdef0"), (read.Namespaces.Single().Imported, read.Namespaces.Single().OwnerAccount, read.Namespaces.Single().Id));
    }

    [Fact]
    public void Ids_RoundTrip_AndAbsentIdsReadAsNull()
    {
        var ns = new ExpectedNamespace("S", "Ns", new TemplateValue("a.local", null), NamespaceKind.Http, null) { Id = "ns-abc" };
        var service = new ExpectedService("S", "Svc", new TemplateValue("a", null), ns, [], null, HealthCheckKind.None, 1, 1, [], false) { Id = "srv-abc" };
        var read = ExpectedModelJson.Read(ExpectedModelJson.Write(new ExpectedState([ns], [service])));
        Assert.Equal(("ns-abc", "srv-abc"), (read.Namespaces.Single().Id, read.Services.Single().Id));
        var without = ExpectedModelJson.Read(ExpectedModelJson.Write(new ExpectedState([ns with { Id = null }], [])));
        Assert.Null(without.Namespaces.Single().Id);
    }

    [Theory]
    [InlineData("[]", "expected model: $ is a list, expected an object")]
    [InlineData("{\"version\":2}", "expected model: version is 2, expected 1")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Mainframe\"}]}", "expected model: $.namespaces[0].kind is not one of PrivateDns, PublicDns, Http")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"kind\":\"Http\"}]}", "expected model: $.namespaces[0].logicalId is missing")]
    [InlineData("{\"version\":1,\"namespaces\":[],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Nope\"}]}", "expected model: $.services[0].namespace 'Nope' is not a namespace of the model")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\",\"soaTtl\":-5}]}", "expected model: $.namespaces[0].soaTtl is a number, expected a whole number from 0 to 2147483647")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"id\":5,\"name\":\"a.local\",\"kind\":\"Http\"}]}", "expected model: $.namespaces[0].id is a number, expected a string")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"id\":\"\",\"name\":\"a.local\",\"kind\":\"Http\"}]}", "expected model: $.namespaces[0].id is empty")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"id\":[],\"name\":\"a\",\"namespace\":\"Ns\",\"dnsRecords\":[],\"ecsServiceNames\":[]}]}", "expected model: $.services[0].id is a list, expected a string")]
    [InlineData("{\"namespaces\":[]}", "expected model: version is missing, expected 1")]
    [InlineData("{\"version\":\"1\"}", "expected model: version is \"1\", expected 1")]
    [InlineData("{\"version\":1,\"namespaces\":{}}", "expected model: $.namespaces is an object, expected a list")]
    [InlineData("{\"version\":1,\"namespaces\":[3]}", "expected model: $.namespaces[0] is a number, expected an object")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"},{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}]}", "expected model: $.namespaces[1].logicalId 'Ns' appears twice")]
    [InlineData("{\"version\":1,\"namespaces\":[],\"services\":\"x\"}", "expected model: $.services is a string, expected a list")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Ns\",\"dnsRecords\":{}}]}", "expected model: $.services[0].dnsRecords is an object, expected a list")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Ns\",\"dnsRecords\":[1]}]}", "expected model: $.services[0].dnsRecords[0] is a number, expected an object")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Ns\",\"dnsRecords\":[{\"ttl\":5}]}]}", "expected model: $.services[0].dnsRecords[0].type is missing")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Ns\",\"dnsRecords\":[{\"type\":\"A\",\"ttl\":2147483648}]}]}", "expected model: $.services[0].dnsRecords[0].ttl is a number, expected a whole number from 0 to 2147483647")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Ns\",\"healthCheck\":7}]}", "expected model: $.services[0].healthCheck is a number, expected a string")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Ns\",\"healthCheck\":\"Sometimes\"}]}", "expected model: $.services[0].healthCheck is not one of None, Custom, Route53")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Ns\",\"healthCheck\":\"7\"}]}", "expected model: $.services[0].healthCheck is not one of None, Custom, Route53")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Ns\",\"ecsServiceNames\":\"a\"}]}", "expected model: $.services[0].ecsServiceNames is a string, expected a list")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Ns\",\"ecsServiceNames\":[\"a\",1]}]}", "expected model: $.services[0].ecsServiceNames[1] is a number, expected a string")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Ns\",\"routingPolicy\":[]}]}", "expected model: $.services[0].routingPolicy is a list, expected a string")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"namespace\":\"Ns\",\"name\":5}]}", "expected model: $.services[0].name is a number, expected a string")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Ns\",\"minInstances\":1.5}]}", "expected model: $.services[0].minInstances is a number, expected a whole number from 0 to 2147483647")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":\"S\",\"name\":\"a\",\"namespace\":\"Ns\"}]}", "expected model: $.services[0].source is missing")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Ns\"}]}", "expected model: $.services[0].stack is missing")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"\",\"kind\":\"Http\"}]}", "expected model: $.namespaces[0].logicalId is missing")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"Http\"}],\"services\":[{\"stack\":7,\"source\":\"Svc\",\"name\":\"a\",\"namespace\":\"Ns\"}]}", "expected model: $.services[0].stack is a number, expected a string")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":[],\"logicalId\":\"Ns\",\"kind\":\"Http\"}]}", "expected model: $.namespaces[0].stack is a list, expected a string")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"imported:ns-1\",\"name\":\"ns-1\",\"kind\":\"Http\",\"imported\":\"yes\",\"id\":\"ns-1\"}]}", "expected model: $.namespaces[0].imported is not true or false")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"imported:ns-1\",\"name\":\"ns-1\",\"kind\":\"Http\",\"imported\":true}]}", "expected model: $.namespaces[0] is imported but has no id")]
    [InlineData("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"imported:ns-1\",\"name\":\"ns-1\",\"kind\":\"Http\",\"imported\":true,\"id\":\"ns-1\",\"ownerAccount\":\"12345\"}]}", "expected model: $.namespaces[0].ownerAccount is not a 12-digit account id")]
    public void HostileModels_AreRefusedNamingThePath(string json, string message)
        => Assert.Equal(message, Assert.Throws<InputException>(() => ExpectedModelJson.Read(json)).Message);

    [Fact]
    public void BoundaryNumbers_AndUnnamedServices_AreRead()
    {
        var read = ExpectedModelJson.Read("{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"name\":\"a.local\",\"kind\":\"PrivateDns\",\"soaTtl\":0}],"
            + "\"services\":[{\"stack\":\"S\",\"source\":\"Svc\",\"namespace\":\"Ns\",\"minInstances\":0,\"maxInstances\":2147483647,\"dnsRecords\":[{\"type\":\"A\"}],\"serviceConnect\":\"yes\"}]}");
        var service = Assert.Single(read.Services);
        Assert.Equal((0L, 0, int.MaxValue, "A", 0L, false), (read.Namespaces[0].SoaTtl, service.MinInstances, service.MaxInstances, service.DnsRecords[0].Type, service.DnsRecords[0].Ttl, service.ServiceConnect));
        Assert.Equal("(unresolved: unresolved in the model)", service.Name.ToString());
        Assert.Null(service.HealthCheck);
    }

    [Fact]
    public void TheModel_IsWrittenOnOneLine_AndNullIsRefused()
    {
        var ns = new ExpectedNamespace("S", "Ns", new TemplateValue("a.local", null), NamespaceKind.Http, null);
        Assert.Equal(
            "{\"version\":1,\"namespaces\":[{\"stack\":\"S\",\"logicalId\":\"Ns\",\"id\":null,\"name\":\"a.local\",\"kind\":\"Http\",\"soaTtl\":null}],\"services\":[]}",
            ExpectedModelJson.Write(new ExpectedState([ns], [])));
        Assert.Throws<ArgumentNullException>(() => ExpectedModelJson.Write(null!));
    }
}

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
    public void HostileModels_AreRefusedNamingThePath(string json, string message)
        => Assert.Equal(message, Assert.Throws<InputException>(() => ExpectedModelJson.Read(json)).Message);
}

using System.Net;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Redaction;

namespace EcsDiscoveryConstructs.Verifier.Tests.CloudMap;

/// <summary>
/// The Cloud Map wire protocol (shared/reference/cloud-map-api.md) as the client speaks it, over an in-process transport:
/// each operation's request body and headers, how answers become models, and what each kind of bad answer becomes.
/// </summary>
public sealed class CloudMapClientWireTests
{
    private static readonly Uri Local = new("http://127.0.0.1:4566/");

    private static CloudMapClient Client(ScriptedHandler handler, Uri? endpoint = null, string region = "us-east-1", AWSCredentials? credentials = null) => new(
        new CloudMapClientOptions
        {
            Region = region,
            Credentials = credentials ?? new BasicAWSCredentials("AKIDEXAMPLE", "wire-secret"),
            EndpointUrl = endpoint,
            MaxAttempts = 2,
            BaseBackoff = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromMilliseconds(2),
            DiscoverInstancesPerSecond = 0,
            MaxPages = 5,
        },
        handler);

    private static (HttpStatusCode, string) Ok(string body) => (HttpStatusCode.OK, body);

    private static string Show(LiveService s) => $"{s.Id} {s.Arn} {s.Name} ns={s.NamespaceId ?? "-"} {s.RoutingPolicy ?? "-"} [{string.Join(",", s.DnsRecords.Select(r => $"{r.Type}:{r.Ttl}"))}] custom={s.CustomHealthCheck} r53={s.Route53HealthCheck}";

    private static string Show(IReadOnlyDictionary<string, string> attributes) => string.Join(",", attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));

    [Fact]
    public async Task ListNamespaces_FollowsNextTokens_AndReadsSoaTtlAndHttpName()
    {
        var handler = new ScriptedHandler(r => r.Body["NextToken"]?.GetValue<string>() switch
        {
            null => Ok("""{"Namespaces":[{"Id":"ns-1","Arn":"arn:ns-1","Name":"shop.internal","Type":"DNS_PRIVATE","Properties":{"DnsProperties":{"SOA":{"TTL":60}},"HttpProperties":{"HttpName":"shop.internal"}}}],"NextToken":"t1"}"""),
            "t1" => Ok("""{"Namespaces":[{"Id":"ns-2","Arn":"arn:ns-2","Name":"api","Type":"HTTP","Properties":{"HttpProperties":{"HttpName":"api-http"}}},{"Id":"ns-3","Name":"bare","Type":"DNS_PUBLIC"}]}"""),
            _ => throw new InvalidOperationException("unexpected token"),
        });
        using var client = Client(handler, Local);
        var namespaces = await client.ListNamespacesAsync(CancellationToken.None);
        Assert.Equal(
            [
                new LiveNamespace("ns-1", "arn:ns-1", "shop.internal", "DNS_PRIVATE", 60, "shop.internal"),
                new LiveNamespace("ns-2", "arn:ns-2", "api", "HTTP", null, "api-http"),
                new LiveNamespace("ns-3", string.Empty, "bare", "DNS_PUBLIC", null, null),
            ],
            namespaces);
        Assert.Equal(["{}", """{"NextToken":"t1"}"""], handler.Sent.Select(s => s.Body.ToJsonString()));
        Assert.Equal(["ListNamespaces", "ListNamespaces"], handler.Sent.Select(s => s.Operation));
        Assert.Equal("api-http", namespaces[1].DiscoveryName);
        Assert.Equal("bare", namespaces[2].DiscoveryName);
    }

    [Fact]
    public async Task ListServices_FiltersByNamespaceOnTheWire_AndKeepsOnlyThatNamespacesServices()
    {
        var handler = new ScriptedHandler(_ => Ok("""
            {"Services":[
              {"Id":"srv-1","Arn":"arn:srv-1","Name":"orders","NamespaceId":"ns-1","DnsConfig":{"RoutingPolicy":"WEIGHTED","DnsRecords":[{"Type":"A","TTL":30},{"Type":"SRV","TTL":60.0}]},"HealthCheckCustomConfig":{}},
              {"Id":"srv-2","Arn":"arn:srv-2","Name":"web","DnsConfig":{"NamespaceId":"ns-1","DnsRecords":[{"Type":"CNAME"}]},"HealthCheckConfig":{"Type":"HTTP"}},
              {"Id":"srv-3","Arn":"arn:srv-3","Name":"api"},
              {"Id":"srv-4","Arn":"arn:srv-4","Name":"other","NamespaceId":"ns-9"}
            ]}
            """));
        using var client = Client(handler, Local);
        var services = await client.ListServicesAsync("ns-1", CancellationToken.None);
        Assert.Equal(
            [
                "srv-1 arn:srv-1 orders ns=ns-1 WEIGHTED [A:30,SRV:60] custom=True r53=False",
                "srv-2 arn:srv-2 web ns=ns-1 - [CNAME:0] custom=False r53=True",
                "srv-3 arn:srv-3 api ns=- - [] custom=False r53=False",
            ],
            services.Select(Show));
        Assert.Equal("""{"Filters":[{"Name":"NAMESPACE_ID","Values":["ns-1"],"Condition":"EQ"}]}""", Assert.Single(handler.Sent).Body.ToJsonString());
    }

    [Fact]
    public async Task ListInstances_AsksByServiceId_AndReadsAttributes()
    {
        var handler = new ScriptedHandler(_ => Ok("""{"Instances":[{"Id":"i-1","Attributes":{"AWS_INSTANCE_IPV4":"10.0.0.1","empty":null}},{"Id":"i-2"}]}"""));
        using var client = Client(handler, Local);
        var instances = await client.ListInstancesAsync("srv-1", CancellationToken.None);
        Assert.Equal(["i-1 AWS_INSTANCE_IPV4=10.0.0.1,empty=", "i-2 "], instances.Select(i => $"{i.Id} {Show(i.Attributes)}"));
        Assert.Equal("""{"ServiceId":"srv-1"}""", Assert.Single(handler.Sent).Body.ToJsonString());
    }

    [Fact]
    public async Task DiscoverInstances_GoesToTheDataEndpoint_WithHealthAndTheMaximumPage()
    {
        var handler = new ScriptedHandler(_ => Ok("""{"Instances":[{"InstanceId":"i-1","HealthStatus":"UNHEALTHY","Attributes":{"AWS_INSTANCE_IPV4":"10.0.0.1"}},{"InstanceId":"i-2"}]}"""));
        using var client = Client(handler);
        var found = await client.DiscoverInstancesAsync("shop.internal", "orders", "ALL", null, CancellationToken.None);
        Assert.Equal(["i-1 UNHEALTHY AWS_INSTANCE_IPV4=10.0.0.1", "i-2 UNKNOWN "], found.Select(i => $"{i.InstanceId} {i.HealthStatus} {Show(i.Attributes)}"));
        var sent = Assert.Single(handler.Sent);
        Assert.Equal("""{"NamespaceName":"shop.internal","ServiceName":"orders","HealthStatus":"ALL","MaxResults":1000}""", sent.Body.ToJsonString());
        Assert.Equal(new Uri("https://data-servicediscovery.us-east-1.amazonaws.com/"), sent.Url);
    }

    [Fact]
    public async Task ListNamespaces_ReadsTheResourceOwner_OnlyWhenItIsAnAccountId()
    {
        var handler = new ScriptedHandler(_ => Ok("""{"Namespaces":[{"Id":"ns-1","Arn":"arn:ns-1","Name":"a","Type":"HTTP","ResourceOwner":"111122223333"},{"Id":"ns-2","Arn":"arn:ns-2","Name":"b","Type":"HTTP","ResourceOwner":"11112222333x"},{"Id":"ns-3","Arn":"arn:ns-3","Name":"c","Type":"HTTP","ResourceOwner":"1111222233334"}]}"""));
        using var client = Client(handler, Local);
        Assert.Equal(["111122223333", null, null], (await client.ListNamespacesAsync(CancellationToken.None)).Select(n => n.ResourceOwner));
    }

    [Fact]
    public async Task DiscoverInstances_WithAnOwnerAccount_SendsIt()
    {
        var handler = new ScriptedHandler(_ => Ok("""{"Instances":[]}"""));
        using var client = Client(handler);
        _ = await client.DiscoverInstancesAsync("platform", "checkout", "ALL", "111122223333", CancellationToken.None);
        Assert.Equal("""{"NamespaceName":"platform","ServiceName":"checkout","HealthStatus":"ALL","MaxResults":1000,"OwnerAccount":"111122223333"}""", Assert.Single(handler.Sent).Body.ToJsonString());
    }

    [Fact]
    public async Task GetServiceAttributes_AsksByServiceKey_AndReadsTheAttributes()
    {
        var handler = new ScriptedHandler(_ => Ok("""{"ServiceAttributes":{"ServiceArn":"arn:srv-1","ResourceOwner":"111122223333","Attributes":{"team":"checkout","tier":"critical"}}}"""));
        using var client = Client(handler, Local);
        var attributes = await client.GetServiceAttributesAsync("arn:aws:servicediscovery:us-east-1:222233334444:service/srv-1", CancellationToken.None);
        Assert.Equal("team=checkout,tier=critical", Show(attributes));
        var sent = Assert.Single(handler.Sent);
        Assert.Equal(("GetServiceAttributes", """{"ServiceId":"arn:aws:servicediscovery:us-east-1:222233334444:service/srv-1"}"""), (sent.Operation, sent.Body.ToJsonString()));
    }

    [Fact]
    public async Task GetServiceAttributes_OfTheWrongShape_IsAShapeError()
    {
        var handler = new ScriptedHandler(_ => Ok("""{"ServiceAttributes":{"Attributes":{"team":7}}}"""));
        using var client = Client(handler, Local);
        var error = await Assert.ThrowsAsync<CloudMapException>(() => client.GetServiceAttributesAsync("srv-1", CancellationToken.None));
        Assert.Equal("GetServiceAttributes", error.Operation);
    }

    [Fact]
    public async Task Requests_AreSignedForServiceDiscovery_WithTheJsonTargetAndContentType()
    {
        var handler = new ScriptedHandler(_ => Ok("""{"Namespaces":[]}"""));
        using var client = Client(handler, region: "eu-west-1");
        await client.ListNamespacesAsync(CancellationToken.None);
        var sent = Assert.Single(handler.Sent);
        Assert.Equal(new Uri("https://servicediscovery.eu-west-1.amazonaws.com/"), sent.Url);
        Assert.Equal(client.Endpoint, sent.Url);
        Assert.Equal("Route53AutoNaming_v20170314.ListNamespaces", sent.Headers["x-amz-target"]);
        Assert.Equal("application/x-amz-json-1.1", sent.Headers["content-type"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", sent.Headers["authorization"], StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/servicediscovery/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=", sent.Headers["authorization"], StringComparison.Ordinal);
        Assert.False(sent.Headers.ContainsKey("host"), "the transport sets Host itself");
        Assert.Equal(1, client.RequestCount);
    }

    [Fact]
    public void Endpoints_FollowThePartitionsDnsSuffix()
    {
        Assert.Equal("amazonaws.com.cn", CloudMapClient.DnsSuffix(RegionEndpoint.CNNorth1));
        Assert.Equal("amazonaws.com", CloudMapClient.DnsSuffix(RegionEndpoint.USEast1));
        using var client = Client(new ScriptedHandler(_ => Ok("{}")), region: "cn-north-1");
        Assert.Equal(new Uri("https://servicediscovery.cn-north-1.amazonaws.com.cn/"), client.Endpoint);
        Assert.Throws<ArgumentNullException>(() => CloudMapClient.DnsSuffix(null!));
        Assert.Throws<ArgumentNullException>(() => new CloudMapClient(null!));
    }

    [Fact]
    public async Task CreateNamespace_SendsVpcAndSoaTtl_WaitsForTheOperation_AndReturnsItsNamespace()
    {
        var polls = 0;
        var handler = new ScriptedHandler(r => r.Operation switch
        {
            "CreatePrivateDnsNamespace" => Ok("""{"OperationId":"op-1"}"""),
            "GetOperation" => Ok(++polls == 1 ? """{"Operation":{"Status":"PENDING"}}""" : """{"Operation":{"Status":"SUCCESS","Targets":{"NAMESPACE":"ns-7"}}}"""),
            _ => throw new InvalidOperationException(r.Operation),
        });
        using var client = Client(handler, Local);
        Assert.Equal("ns-7", await client.CreateNamespaceAsync("PrivateDns", "shop.internal", "vpc-1", 30, CancellationToken.None));
        var create = handler.Sent[0].Body;
        Assert.True(Guid.TryParse(create["CreatorRequestId"]!.GetValue<string>(), out _));
        create.Remove("CreatorRequestId");
        Assert.Equal("""{"Name":"shop.internal","Vpc":"vpc-1","Properties":{"DnsProperties":{"SOA":{"TTL":30}}}}""", create.ToJsonString());
        Assert.Equal(["CreatePrivateDnsNamespace", "GetOperation", "GetOperation"], handler.Sent.Select(s => s.Operation));
        Assert.All(handler.Sent.Skip(1), s => Assert.Equal("""{"OperationId":"op-1"}""", s.Body.ToJsonString()));
    }

    [Fact]
    public async Task CreateHttpNamespace_SendsNeitherVpcNorProperties()
    {
        var handler = new ScriptedHandler(r => Ok(r.Operation == "GetOperation" ? """{"Operation":{"Status":"SUCCESS","Targets":{"NAMESPACE":"ns-8"}}}""" : """{"operationId":"op-2"}"""));
        using var client = Client(handler, Local);
        Assert.Equal("ns-8", await client.CreateNamespaceAsync("Http", "api", null, null, CancellationToken.None));
        Assert.Equal(["Name", "CreatorRequestId"], handler.Sent[0].Body.Select(p => p.Key));
        Assert.Equal("CreateHttpNamespace", handler.Sent[0].Operation);
    }

    [Fact]
    public async Task CreateService_SendsTheDefinitionWithNameAndNamespace_AndReturnsTheId()
    {
        var handler = new ScriptedHandler(_ => Ok("""{"Service":{"Id":"srv-9"}}"""));
        using var client = Client(handler, Local);
        var definition = new JsonObject { ["DnsConfig"] = new JsonObject { ["RoutingPolicy"] = "MULTIVALUE" } };
        Assert.Equal("srv-9", await client.CreateServiceAsync("ns-1", "orders", definition, CancellationToken.None));
        var body = handler.Sent[0].Body;
        Assert.True(Guid.TryParse(body["CreatorRequestId"]!.GetValue<string>(), out _));
        body.Remove("CreatorRequestId");
        Assert.Equal("""{"DnsConfig":{"RoutingPolicy":"MULTIVALUE"},"Name":"orders","NamespaceId":"ns-1"}""", body.ToJsonString());
        Assert.Equal("""{"DnsConfig":{"RoutingPolicy":"MULTIVALUE"}}""", definition.ToJsonString());
    }

    [Fact]
    public async Task RegisterDeregisterAndDelete_SendTheirIds_AndWaitWhereTheApiIsAsynchronous()
    {
        var handler = new ScriptedHandler(r => Ok(r.Operation switch
        {
            "GetOperation" => """{"Operation":{"Status":"SUCCESS"}}""",
            "DeleteService" => "{}",
            _ => """{"OperationId":"op-3"}""",
        }));
        using var client = Client(handler, Local);
        await client.RegisterInstanceAsync("srv-1", "i-1", new Dictionary<string, string> { ["AWS_INSTANCE_IPV4"] = "10.0.0.1" }, CancellationToken.None);
        await client.DeregisterInstanceAsync("srv-1", "i-1", CancellationToken.None);
        await client.DeleteServiceAsync("srv-1", CancellationToken.None);
        await client.DeleteNamespaceAsync("ns-1", CancellationToken.None);
        Assert.Equal(["RegisterInstance", "GetOperation", "DeregisterInstance", "GetOperation", "DeleteService", "DeleteNamespace", "GetOperation"], handler.Sent.Select(s => s.Operation));
        var register = handler.Sent[0].Body;
        Assert.True(Guid.TryParse(register["CreatorRequestId"]!.GetValue<string>(), out _));
        register.Remove("CreatorRequestId");
        Assert.Equal("""{"ServiceId":"srv-1","InstanceId":"i-1","Attributes":{"AWS_INSTANCE_IPV4":"10.0.0.1"}}""", register.ToJsonString());
        Assert.Equal("""{"ServiceId":"srv-1","InstanceId":"i-1"}""", handler.Sent[2].Body.ToJsonString());
        Assert.Equal("""{"Id":"srv-1"}""", handler.Sent[4].Body.ToJsonString());
        Assert.Equal("""{"Id":"ns-1"}""", handler.Sent[5].Body.ToJsonString());
    }

    [Theory]
    [InlineData("""{"Operation":{"Status":"FAIL","ErrorCode":"DUPLICATE_REQUEST","ErrorMessage":"already exists"}}""", "DUPLICATE_REQUEST", "DeleteNamespace failed: DUPLICATE_REQUEST: already exists")]
    [InlineData("""{"Operation":{"Status":"FAIL"}}""", "OperationFailed", "DeleteNamespace failed: OperationFailed: the operation failed")]
    [InlineData("""{"Nothing":{}}""", "MalformedResponse", "GetOperation failed: MalformedResponse: the answer has no Operation")]
    public async Task AFailedOrMalformedOperation_IsATypedError(string operation, string code, string message)
    {
        var handler = new ScriptedHandler(r => Ok(r.Operation == "GetOperation" ? operation : """{"OperationId":"op-4"}"""));
        using var client = Client(handler, Local);
        var error = await Assert.ThrowsAsync<CloudMapException>(() => client.DeleteNamespaceAsync("ns-1", CancellationToken.None));
        Assert.Equal((code, message), (error.Code, error.Message));
    }

    [Theory]
    [InlineData("DeleteNamespace", "{}", "DeleteNamespace failed: MalformedResponse: the answer has no OperationId")]
    [InlineData("CreateService", """{"Service":{}}""", "CreateService failed: MalformedResponse: the answer names no service id")]
    [InlineData("CreatePublicDnsNamespace", """{"OperationId":"op-5"}""", "CreatePublicDnsNamespace failed: MalformedResponse: the finished operation names no namespace")]
    public async Task AnAnswerWithoutTheIdItMustName_IsMalformed(string operation, string answer, string message)
    {
        var handler = new ScriptedHandler(r => Ok(r.Operation == "GetOperation" ? """{"Operation":{"Status":"SUCCESS"}}""" : answer));
        using var client = Client(handler, Local);
        var error = await Assert.ThrowsAsync<CloudMapException>(() => operation switch
        {
            "DeleteNamespace" => client.DeleteNamespaceAsync("ns-1", CancellationToken.None),
            "CreateService" => client.CreateServiceAsync("ns-1", "orders", [], CancellationToken.None),
            _ => client.CreateNamespaceAsync("PublicDns", "example.com", null, 60, CancellationToken.None),
        });
        Assert.Equal(("MalformedResponse", message), (error.Code, error.Message));
    }

    [Fact]
    public async Task TheErrorTypeHeader_NamesTheCode_WhenTheBodyDoesNot()
    {
        var handler = new ScriptedHandler(_ => (HttpStatusCode.BadRequest, """{"message":"no such namespace"}"""));
        handler.AnswerHeaders["x-amzn-ErrorType"] = "NamespaceNotFound:http://internal.amazon.com/";
        using var client = Client(handler, Local);
        var error = await Assert.ThrowsAsync<CloudMapException>(() => client.ListServicesAsync("ns-1", CancellationToken.None));
        Assert.Equal(("NamespaceNotFound", "ListServices failed: NamespaceNotFound: no such namespace", true, false), (error.Code, error.Message, error.IsNotFound, error.IsTransient));
        Assert.Single(handler.Sent);
    }

    [Fact]
    public async Task AnErrorWithoutTypeOrMessage_IsNamedByItsStatus_AndTheReasonPhrase()
    {
        var handler = new ScriptedHandler(_ => (HttpStatusCode.Forbidden, string.Empty)) { ReasonPhrase = "Forbidden by proxy" };
        using var client = Client(handler, Local);
        var error = await Assert.ThrowsAsync<CloudMapException>(() => client.ListNamespacesAsync(CancellationToken.None));
        Assert.Equal(("Http403", "ListNamespaces failed: Http403: Forbidden by proxy", HttpStatusCode.Forbidden), (error.Code, error.Message, error.StatusCode));
    }

    [Fact]
    public async Task TheSameNextTokenTwice_IsALoop()
    {
        var handler = new ScriptedHandler(_ => Ok("""{"Instances":[],"NextToken":"again"}"""));
        using var client = Client(handler, Local);
        var error = await Assert.ThrowsAsync<CloudMapException>(() => client.ListInstancesAsync("srv-1", CancellationToken.None));
        Assert.Equal(("PaginationLoop", "ListInstances failed: PaginationLoop: the endpoint returned the same NextToken twice", 2), (error.Code, error.Message, handler.Sent.Count));
    }

    [Fact]
    public async Task NewTokensBeyondMaxPages_AreALoop()
    {
        var page = 0;
        var handler = new ScriptedHandler(_ => Ok($$"""{"Instances":[],"NextToken":"t{{Interlocked.Increment(ref page)}}"}"""));
        using var client = Client(handler, Local);
        var error = await Assert.ThrowsAsync<CloudMapException>(() => client.ListInstancesAsync("srv-1", CancellationToken.None));
        Assert.Equal(("PaginationLoop", "ListInstances failed: PaginationLoop: the endpoint kept returning NextToken after 5 pages", 5), (error.Code, error.Message, handler.Sent.Count));
    }

    [Fact]
    public async Task AServerEchoingTheSecretKey_NeverGetsItIntoAMessage()
    {
        var handler = new ScriptedHandler(_ => (HttpStatusCode.BadRequest, """{"__type":"AccessDenied","Message":"key AKIAECHOEXAMPLE12345 with secret echo-secret-key-0123456789abcdef and token echo-session-token-0123456789abcdef refused"}"""));
        using var client = Client(handler, Local, credentials: new SessionAWSCredentials("AKIAECHOEXAMPLE12345", "echo-secret-key-0123456789abcdef", "echo-session-token-0123456789abcdef"));
        var error = await Assert.ThrowsAsync<CloudMapException>(() => client.ListNamespacesAsync(CancellationToken.None));
        var shown = Redactor.Redact(error.Message);
        Assert.DoesNotContain("echo-secret-key-0123456789abcdef", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("echo-session-token-0123456789abcdef", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAECHOEXAMPLE12345", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RequestLimitExceeded", null, true, false, true)]
    [InlineData("ThrottlingException", 400, true, false, true)]
    [InlineData("Throttling", 400, true, false, true)]
    [InlineData("TooManyRequestsException", 400, true, false, true)]
    [InlineData("Http429", 429, true, false, true)]
    [InlineData("Http500", 500, false, false, true)]
    [InlineData("Http503", 503, false, false, true)]
    [InlineData("Http499", 499, false, false, false)]
    [InlineData("Timeout", null, false, false, true)]
    [InlineData("ConnectionFailed", null, false, false, true)]
    [InlineData("ServiceNotFound", 400, false, true, false)]
    [InlineData("NotFoundish", 400, false, false, false)]
    [InlineData("InvalidInput", 400, false, false, false)]
    public void ErrorKinds_DecideRetries(string code, int? status, bool throttling, bool notFound, bool transient)
    {
        var error = new CloudMapException("ListServices", code, "m", status is null ? null : (HttpStatusCode)status);
        Assert.Equal((throttling, notFound, transient), (error.IsThrottling, error.IsNotFound, error.IsTransient));
    }

    [Fact]
    public async Task ADisposedClient_RefusesCalls()
    {
        var client = Client(new ScriptedHandler(_ => Ok("""{"Namespaces":[],"Instances":[]}""")), Local);
        client.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ListNamespacesAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.DiscoverInstancesAsync("a", "b", "ALL", null, CancellationToken.None));
    }
}

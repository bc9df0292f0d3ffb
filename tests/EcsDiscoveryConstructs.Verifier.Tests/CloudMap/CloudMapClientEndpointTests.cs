using System.Net;
using System.Text;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.CloudMap;

namespace EcsDiscoveryConstructs.Verifier.Tests.CloudMap;

public class CloudMapClientEndpointTests
{
    private sealed class Recorder : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"Instances\":[],\"Namespaces\":[]}", Encoding.UTF8) });
        }
    }

    [Fact]
    public async Task AwsEndpoint_DiscoverInstancesUsesTheDataPrefixOnly()
    {
        using var recorder = new Recorder();
        using var client = new CloudMapClient(new CloudMapClientOptions { Region = "eu-west-1", Credentials = RawCloudMap.Credentials }, recorder);
        await client.ListNamespacesAsync(CancellationToken.None);
        await client.DiscoverInstancesAsync("shop", "orders", "HEALTHY", null, CancellationToken.None);
        Assert.Equal(
            ["https://servicediscovery.eu-west-1.amazonaws.com/", "https://data-servicediscovery.eu-west-1.amazonaws.com/"],
            recorder.Requests.Select(r => r.RequestUri!.ToString()));
        Assert.All(recorder.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=testing/", r.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal));
        Assert.Contains("/eu-west-1/servicediscovery/aws4_request", recorder.Requests[1].Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_CarryTheSignatureAwsWouldCompute_ForTheHostAndPortOnTheWire()
    {
        var seen = new List<ScriptedRequest>();
        using var fake = new ScriptedEndpoint(request =>
        {
            lock (seen)
            {
                seen.Add(request);
            }

            return (200, "{\"Namespaces\":[],\"Instances\":[]}", TimeSpan.Zero);
        });
        using var client = new CloudMapClient(new CloudMapClientOptions { Region = "eu-west-1", Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), EndpointUrl = fake.Endpoint });
        await client.ListNamespacesAsync(CancellationToken.None);
        await client.DiscoverInstancesAsync("shop.internal", "orders", "ALL", null, CancellationToken.None);
        Assert.Equal(2, seen.Count);
        Assert.All(seen, request =>
        {
            Assert.Equal($"127.0.0.1:{fake.Port}", request.Headers["Host"]);
            Assert.Contains("SignedHeaders=content-type;host;", request.Headers["Authorization"], StringComparison.Ordinal);
            var expected = SigV4Reference.ExpectedSignature(request.Method, request.Path, request.Headers, request.Body, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
            Assert.NotNull(expected);
            Assert.Equal(expected, SigV4Reference.SentSignature(request.Headers));
        });

        // The reference itself is not lenient: the same request read for another host, body or key does not match.
        var first = seen[0];
        var otherHost = new System.Collections.Specialized.NameValueCollection(first.Headers) { ["Host"] = "127.0.0.1" };
        Assert.NotEqual(SigV4Reference.SentSignature(first.Headers), SigV4Reference.ExpectedSignature(first.Method, first.Path, otherHost, first.Body, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        Assert.NotEqual(SigV4Reference.SentSignature(first.Headers), SigV4Reference.ExpectedSignature(first.Method, first.Path, first.Headers, first.Body + " ", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        Assert.NotEqual(SigV4Reference.SentSignature(first.Headers), SigV4Reference.ExpectedSignature(first.Method, first.Path, first.Headers, first.Body, "another-secret"));
    }

    [Fact]
    public async Task ListServices_KeepsOnlyTheNamespacesServices_EvenWhenThePeerIgnoresTheFilter()
    {
        // moto ignores the NAMESPACE_ID filter (docs/moto-differences.md); the client filters as well.
        using var fake = new ScriptedEndpoint((_, _) => (200, "{\"Services\":[" +
            "{\"Id\":\"srv-1\",\"Arn\":\"a1\",\"Name\":\"orders\",\"NamespaceId\":\"ns-1\"}," +
            "{\"Id\":\"srv-2\",\"Arn\":\"a2\",\"Name\":\"other\",\"NamespaceId\":\"ns-2\"}," +
            "{\"Id\":\"srv-3\",\"Arn\":\"a3\",\"Name\":\"dns\",\"DnsConfig\":{\"NamespaceId\":\"ns-1\",\"DnsRecords\":[]}}," +
            "{\"Id\":\"srv-4\",\"Arn\":\"a4\",\"Name\":\"unnamed\"}]}", TimeSpan.Zero));
        using var client = new CloudMapClient(new CloudMapClientOptions { Region = "us-east-1", Credentials = RawCloudMap.Credentials, EndpointUrl = fake.Endpoint });
        var services = await client.ListServicesAsync("ns-1", CancellationToken.None);
        Assert.Equal(["srv-1", "srv-3", "srv-4"], services.Select(s => s.Id));
    }

    [Fact]
    public async Task CustomEndpoint_NeverGetsThePrefix()
    {
        using var recorder = new Recorder();
        using var client = new CloudMapClient(new CloudMapClientOptions { Region = "us-east-1", Credentials = RawCloudMap.Credentials, EndpointUrl = new Uri("http://127.0.0.1:4566/") }, recorder);
        await client.DiscoverInstancesAsync("shop", "orders", "HEALTHY", null, CancellationToken.None);
        Assert.Equal("http://127.0.0.1:4566/", recorder.Requests.Single().RequestUri!.ToString());
        Assert.Equal("Route53AutoNaming_v20170314.DiscoverInstances", recorder.Requests.Single().Headers.GetValues("X-Amz-Target").Single());
    }

    [Theory]
    [InlineData("cn-north-1", "https://servicediscovery.cn-north-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1", "https://servicediscovery.us-gov-west-1.amazonaws.com/")]
    [InlineData("eu-central-1", "https://servicediscovery.eu-central-1.amazonaws.com/")]
    public void AwsEndpoint_UsesThePartitionsDnsSuffix(string region, string expected)
    {
        // Before: amazonaws.com for every Region, which does not exist in China.
        using var client = new CloudMapClient(new CloudMapClientOptions { Region = region, Credentials = RawCloudMap.Credentials });
        Assert.Equal(expected, client.Endpoint.ToString());
    }

    [Theory]
    [InlineData("{\"Namespaces\":\"nope\"}", "Namespaces is a string, expected a list")]
    [InlineData("{\"Namespaces\":[\"nope\"]}", "Namespaces[0] is a string, expected an object")]
    [InlineData("{\"Namespaces\":[{\"Id\":7}]}", "unexpected shape")]
    [InlineData("{\"Namespaces\":[],\"Namespaces\":[]}", "is not a JSON object")]
    public async Task AnswerOfTheWrongShape_IsAMalformedResponseError(string answer, string expected)
    {
        using var fake = new ScriptedEndpoint((_, _) => (200, answer, TimeSpan.Zero));
        using var client = new CloudMapClient(new CloudMapClientOptions { Region = "us-east-1", Credentials = RawCloudMap.Credentials, EndpointUrl = fake.Endpoint });
        var error = await Assert.ThrowsAsync<CloudMapException>(() => client.ListNamespacesAsync(CancellationToken.None));
        Assert.Equal("MalformedResponse", error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

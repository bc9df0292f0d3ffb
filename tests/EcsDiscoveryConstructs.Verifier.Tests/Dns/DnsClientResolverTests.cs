using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;

namespace EcsDiscoveryConstructs.Verifier.Tests.Dns;

/// <summary>A resolver that sends bytes no DNS client can read: the query fails with its reason, the run goes on.</summary>
public sealed class DnsClientResolverTests
{
    public static TheoryData<string> Lies => [.. LyingDns.Lies];

    [Theory]
    [MemberData(nameof(Lies))]
    public async Task AnUnreadableAnswer_IsAMalformedAnswerNamingTheServer_NeverAnException(string lie)
    {
        using var server = new LyingDns(lie);
        var resolver = new DnsClientResolver(server.Endpoint);
        var answer = await resolver.QueryAsync("orders.internal.example.com", "A", CancellationToken.None);
        Assert.True(answer.Code is "MALFORMED" or "TIMEOUT", $"{lie}: {answer.Described}");
        Assert.Empty(answer.Answers);
        if (answer.Code == "MALFORMED")
        {
            Assert.StartsWith($"MALFORMED: 127.0.0.1:{server.Port} sent an answer that cannot be read: ", answer.Described, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', answer.Described);
        }
    }

    [Fact]
    public async Task AResolverSendingGarbage_FailsItsChecks_AndTheReportIsKept()
    {
        using var server = new LyingDns("bad rdlength");
        var observation = OrdersObservation.Of([new LiveInstance("i-1", new Dictionary<string, string> { ["AWS_INSTANCE_IPV4"] = "10.0.0.1" })]);
        var results = await new DnsVerifier(new DnsClientResolver(server.Endpoint)).VerifyAsync([observation], CancellationToken.None);
        var soa = Assert.Single(results, r => r.Check == "dns-namespace");
        Assert.Equal(CheckStatus.Fail, soa.Status);
        Assert.Contains($"(MALFORMED: 127.0.0.1:{server.Port} sent an answer that cannot be read: ", soa.Message, StringComparison.Ordinal);
    }
}

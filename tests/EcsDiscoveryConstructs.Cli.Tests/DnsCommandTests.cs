using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.LocalPeers;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary><c>verify --dns</c> and <c>local-dns</c> as a user runs them: options, exits and messages.</summary>
[Collection(MotoCollection.Name)]
public sealed class DnsCommandTests : IDisposable
{
    private readonly MotoServer moto;
    private readonly string assembly = RepoRoot.ExampleAssembly();

    public DnsCommandTests(MotoServer moto)
    {
        this.moto = moto;
        moto.Reset();
    }

    [Theory]
    [InlineData("dns.example.com", "dns.example.com")]
    [InlineData("10.0.0.2:0", "10.0.0.2:0")]
    [InlineData("10.0.0.2:70000", "10.0.0.2:70000")]
    [InlineData("", "")]
    [InlineData("010.0.0.2", "010.0.0.2")]
    [InlineData("[fe80::1%1]:53", "[fe80::1%1]:53")]
    [InlineData("10.0.0.2\nFAIL everything", "10.0.0.2?FAIL everything")]
    [InlineData("10.0.0.2\u001b[31m", "10.0.0.2?[31m")]
    public void Verify_BadResolver_Exits2OnOneLine(string resolver, string shown)
    {
        var (exit, _, error) = CliRun.Run("verify", "--no-ecs", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), "--dns", "--dns-resolver", resolver);
        Assert.Equal((2, $"ecs-discovery verify: --dns-resolver '{shown}' is not an address: use ip, ip:port or [ipv6]:port (IPv4 in dotted decimal without leading zeros, IPv6 without a zone, port 1-65535)\n"), (exit, error));
    }

    [Theory]
    [MemberData(nameof(Lies))]
    public void VerifyDns_ThroughAResolverSendingUnreadableAnswers_FailsTheDnsChecksAndKeepsTheReport(string lie)
    {
        Assert.Equal(0, CliRun.Run("local-deploy", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), "--stack", "FrontendBackendDns").Exit);
        using var liar = new LyingDns(lie);
        var (exit, output, error) = CliRun.Run("verify", "--no-ecs", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), "--stack", "FrontendBackendDns", "--dns", "--dns-resolver", liar.Endpoint.ToString());
        Assert.True(exit == 1, $"exit {exit}\n{output}{error}");
        Assert.Matches(@"PASS +FrontendBackendDns +instance-count", output);
        Assert.Matches($@"FAIL +FrontendBackendDns +dns-namespace +apps\.example\.com +the resolver 127\.0\.0\.1:{liar.Port} did not answer for the SOA of 'apps\.example\.com' \((MALFORMED: 127\.0\.0\.1:{liar.Port} sent an answer that cannot be read: .+|TIMEOUT)\)", output);
        Assert.DoesNotContain("This is a bug", error, StringComparison.Ordinal);
    }

    public static TheoryData<string> Lies => [.. LyingDns.Lies];

    [Fact]
    public void Verify_ResolverWithoutDns_Exits2()
        => Assert.Equal((2, "ecs-discovery verify: --dns-resolver needs --dns\n"), Exit(CliRun.Run("verify", "--assembly", assembly, "--dns-resolver", "127.0.0.1:53")));

    [Fact]
    public void VerifyDns_ThroughTheLocalPeer_Exits0_AndThroughAStaleResolver_Exits1NamingTheAddress()
    {
        Assert.Equal(0, CliRun.Run("local-deploy", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), "--stack", "FrontendBackendDns").Exit);
        using var client = new CloudMapClient(new CloudMapClientOptions { Region = "us-east-1", Credentials = RawCloudMap.Credentials, EndpointUrl = moto.Endpoint });
        using (var peer = new LocalDnsPeer(client, LoopbackPorts.UdpAndTcp()))
        {
            var (exit, output, error) = CliRun.Run("verify", "--no-ecs", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), "--stack", "FrontendBackendDns", "--dns", "--dns-resolver", peer.Endpoint.ToString());
            Assert.True(exit == 0, output + error);
            Assert.Matches(@"PASS +FrontendBackendDns +dns-answers +apps\.example\.com/backend", output);
        }

        using var stale = new ScriptedDns((name, type) => (name, type) switch
        {
            ("apps.example.com", "SOA") => new("NOERROR", [ScriptedDns.Soa("apps.example.com")]),
            ("backend.apps.example.com", "A") => new("NOERROR", [new("backend.apps.example.com", "A", 10, "10.0.0.250")]),
            _ => new("NXDOMAIN", [], [ScriptedDns.Soa("apps.example.com")]),
        });
        var (staleExit, staleOutput, _) = CliRun.Run("verify", "--no-ecs", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), "--stack", "FrontendBackendDns", "--dns", "--dns-resolver", stale.Endpoint.ToString());
        Assert.Equal(1, staleExit);
        Assert.Matches(@"FAIL +FrontendBackendDns +dns-answers +apps\.example\.com/backend +backend\.apps\.example\.com A answers 10\.0\.0\.250, not a healthy registered instance", staleOutput);
    }

    [Fact]
    public void VerifyDns_ThroughAResolverOutsideThePrivateNamespacesVpc_SkipsNeverFails()
    {
        Assert.Equal(0, CliRun.Run("local-deploy", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), "--stack", "FrontendBackendDns").Exit);
        using var outside = new ScriptedDns((_, _) => new("REFUSED", []));
        var (exit, output, error) = CliRun.Run("verify", "--no-ecs", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), "--stack", "FrontendBackendDns", "--dns", "--dns-resolver", outside.Endpoint.ToString());
        Assert.True(exit == 0, output + error);
        Assert.Matches(@"SKIP +FrontendBackendDns +dns-namespace +apps\.example\.com +the SOA of private namespace 'apps\.example\.com' is not visible", output);
        Assert.Matches(@"SKIP +FrontendBackendDns +dns-answers +apps\.example\.com/backend", output);
        Assert.DoesNotMatch(@"FAIL", output);
    }

    [Theory]
    [InlineData(new[] { "local-dns" }, "--endpoint-url is required: local-dns answers for a local peer you name")]
    [InlineData(new[] { "local-dns", "--endpoint-url", "http://127.0.0.1:1", "--port", "0" }, "--port 0 is out of range: use 1-65535")]
    [InlineData(new[] { "local-dns", "--endpoint-url", "http://127.0.0.1:1", "--port", "70000" }, "--port 70000 is out of range: use 1-65535")]
    [InlineData(new[] { "local-dns", "--endpoint-url", "http://127.0.0.1:1", "--port", "65536" }, "--port 65536 is out of range: use 1-65535")]
    [InlineData(new[] { "local-dns", "--endpoint-url", "http://127.0.0.1:1", "--for", "-1" }, "--for -1 is out of range: use 1-86400 seconds, or leave it out to run until interrupted")]
    [InlineData(new[] { "local-dns", "--endpoint-url", "http://127.0.0.1:1", "--for", "0" }, "--for 0 is out of range: use 1-86400 seconds, or leave it out to run until interrupted")]
    [InlineData(new[] { "local-dns", "--endpoint-url", "http://127.0.0.1:1", "--for", "86401" }, "--for 86401 is out of range: use 1-86400 seconds, or leave it out to run until interrupted")]
    public void LocalDns_BadArguments_Exit2(string[] args, string message)
        => Assert.Equal((2, $"ecs-discovery local-dns: {message}\n"), Exit(CliRun.Run(args)));

    [Theory]
    [InlineData("--port", "1")]
    [InlineData("--port", "65535")]
    [InlineData("--for", "1")]
    [InlineData("--for", "86400")]
    public void LocalDns_ValuesAtTheEdgesOfTheirRange_AreAccepted(string option, string value)
    {
        // Accepted values reach the next check: the Region, given here in a shape no Region has, so nothing listens.
        var result = CliRun.Run("local-dns", "--endpoint-url", "http://127.0.0.1:1", option, value, "--region", "Nowhere");
        Assert.Equal((2, "ecs-discovery local-dns: Region 'Nowhere' is not a Region name such as us-east-1 (lowercase letters and digits in dash-separated parts)\n"), Exit(result));
    }

    [Fact]
    public void LocalDns_RunsForTheGivenTime_ThenStops()
    {
        var port = LoopbackPorts.UdpAndTcp();
        var (exit, output, _) = CliRun.Run("local-dns", "--endpoint-url", moto.Endpoint.ToString(), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--for", "1");
        Assert.Equal(0, exit);
        Assert.Equal($"local-dns: answering on 127.0.0.1:{port} (UDP and TCP) for the DNS namespaces of {moto.Endpoint}; stopping after 1 s\nlocal-dns: stopped\n", output);
    }

    public void Dispose() => Directory.Delete(assembly, recursive: true);

    private static (int, string) Exit((int Exit, string Output, string Error) result) => (result.Exit, result.Error);

}

using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class CanaryFunctionTests
{
    [Theory]
    [InlineData("10.0.0.2", "10.0.0.2/32", 53)]
    [InlineData("10.0.0.2:5353", "10.0.0.2/32", 5353)]
    public void AResolver_IsPassedAndTheOnlyDnsEgress(string resolver, string cidr, int port)
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, DnsResolver = resolver, MemorySize = 512 });
        var canary = create();
        var function = CanaryFixtures.Properties(w.Stack, "AWS::Lambda::Function");
        Assert.Equal(resolver, Templates.Str(function["Environment"]!["Variables"]!["ECS_DISCOVERY_DNS_RESOLVER"]));
        Assert.Equal(512d, function["MemorySize"]!.GetValue<double>());
        var egress = Templates.Objects(CanaryFixtures.Properties(w.Stack, "AWS::EC2::SecurityGroup")["SecurityGroupEgress"]).ToList();
        Assert.Equal(["0.0.0.0/0:tcp:443", $"{cidr}:tcp:{port}", $"{cidr}:udp:{port}"], egress.Select(e => $"{e["CidrIp"]}:{e["IpProtocol"]}:{e["FromPort"]}").Order());
        Assert.NotNull(canary.SecurityGroup);
    }

    [Fact]
    public void DnsChecksOff_TellTheCanaryNone()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, DnsChecks = false });
        _ = create();
        var function = CanaryFixtures.Properties(w.Stack, "AWS::Lambda::Function");
        Assert.Equal("none", Templates.Str(function["Environment"]!["Variables"]!["ECS_DISCOVERY_DNS_RESOLVER"]));
    }

    [Theory]
    [InlineData("10.0.0")]
    [InlineData("10.0.0.2:0")]
    [InlineData("10.0.0.2:70000")]
    [InlineData("dns.example.com")]
    [InlineData("10.0.0.2:53:53")]
    [InlineData("fd00::2:53:")]
    [InlineData("")]
    [InlineData("010.0.0.2")]
    [InlineData("0x0a.0.0.2")]
    [InlineData("[fe80::1%1]:53")]
    [InlineData("10.0.0.2:053")]
    public void AResolverOfAnotherForm_FailsWithOurMessage(string resolver)
        => Assert.Equal(
            [$"DiscoveryCanary 'TestStack/Canary': DnsResolver '{resolver}' is not ip, ipv4:port or [ipv6]:port (IPv4 in dotted decimal without leading zeros, IPv6 without a zone, port 1-65535). Use e.g. \"10.0.0.2\" or \"10.0.0.2:53\", or leave it unset for the VPC's resolver. [ecs-discovery:canary-function]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, DnsResolver = resolver }));

    [Fact]
    public void AResolverWithDnsChecksOff_FailsWithOurMessage()
        => Assert.Equal(
            ["DiscoveryCanary 'TestStack/Canary': DnsResolver '10.0.0.2' is set while DnsChecks is false, so nothing would ask it. Remove DnsResolver, or turn DnsChecks on. [ecs-discovery:canary-function]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, DnsResolver = "10.0.0.2", DnsChecks = false }));

    [Theory]
    [InlineData(127)]
    [InlineData(10241)]
    [InlineData(-1)]
    public void MemoryOutsideLambdas_FailsWithOurMessage(int memory)
        => Assert.Equal(
            [$"DiscoveryCanary 'TestStack/Canary': MemorySize {memory} is outside Lambda's 128-10240 MB. Use a size from 128 to 10240 (default 256). [ecs-discovery:canary-function]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, MemorySize = memory }));

    [Theory]
    [InlineData(128)]
    [InlineData(10240)]
    public void MemoryAtLambdasLimits_IsTheFunctionMemory(int memory)
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, MemorySize = memory });
        _ = create();
        Assert.Equal(memory, CanaryFixtures.Number(w.Stack, "AWS::Lambda::Function", "MemorySize"));
    }

    [Theory]
    [InlineData("[::ffff:10.0.0.2]:53", 53)]
    [InlineData("::ffff:10.0.0.2", 53)]
    [InlineData("10.0.0.2:5353", 5353)]
    public void AnIpv4MappedOrPlainIpv4Resolver_OpensDnsToThatIpv4Address_AndTheFunctionGetsItAsWritten(string resolver, int port)
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, DnsResolver = resolver });
        _ = create();
        var egress = Templates.Objects(CanaryFixtures.Properties(w.Stack, "AWS::EC2::SecurityGroup")["SecurityGroupEgress"]).Where(e => Templates.Str(e["Description"]).StartsWith("DNS", StringComparison.Ordinal));
        Assert.Equal([("10.0.0.2/32", (double)port), ("10.0.0.2/32", port)], egress.Select(e => (Templates.Str(e["CidrIp"]), e["FromPort"]!.GetValue<double>())).Order());
        var function = CanaryFixtures.Properties(w.Stack, "AWS::Lambda::Function");
        Assert.Equal(resolver, Templates.Str(function["Environment"]!["Variables"]!["ECS_DISCOVERY_DNS_RESOLVER"]));
    }
}

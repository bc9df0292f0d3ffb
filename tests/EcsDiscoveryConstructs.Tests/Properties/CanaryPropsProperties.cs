using CsCheck;
using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.Tests.TestSupport;
using Xunit.Abstractions;
using static EcsDiscoveryConstructs.Tests.Properties.Values;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>
/// Generated canary props (schedule, timeout, alarm periods, memory, DNS resolver) drawn from the edges of what
/// EventBridge, Lambda, CloudWatch and the resolver forms allow: each fails with our error or synthesizes what AWS
/// accepts (<see cref="CanaryAcceptance"/>).
/// </summary>
public class CanaryPropsProperties(ITestOutputHelper output)
{
    public sealed record Case(double? ScheduleMinutes, double? TimeoutSeconds, int Periods, int? Datapoints, int Memory, string? Resolver, bool DnsChecks);

    private static readonly Gen<string?> Resolver = Mostly(
        Gen.OneOf<string?>(null, null, "10.0.0.2", "10.0.0.2:53"),
        Gen.OneOf<string?>("[fd00::2]:53", "fd00::2", "[::ffff:10.0.0.2]:53", "::ffff:10.0.0.2", "010.0.0.2", "0x0a.0.0.2", "10.0.0", "[fe80::1%1]:53", "fe80::1%eth0", "10.0.0.2:0", "10.0.0.2:65535", "10.0.0.2:65536", "10.0.0.2:053", "10.0.0.2\n", "", "dns.example.com", "[10.0.0.2]:53"),
        Gen.Const<string?>(TokenMarker));

    private static readonly Gen<Case> Cases =
        Gen.Select(
                Mostly(Gen.OneOf<double?>(null, 5), Gen.OneOf<double?>(0.5, 1, 2, 59, 60, 721, 1440, 1441)),
                Mostly(Gen.OneOf<double?>(null, 30), Gen.OneOf<double?>(0, 1, 49, 50, 59, 60, 61, 299, 300, 900, 901, 1.5)),
                Mostly(Gen.Const(2), Gen.OneOf(0, 1, 7, 8, 24, 25, 168, 169, 1440, 1441)),
                Mostly(Gen.Const(default(int?)), Gen.OneOf<int?>(0, 1, 3)),
                Mostly(Gen.Const(256), Gen.OneOf(127, 128, 10240, 10241)),
                Resolver,
                Mostly(Gen.Const(true), Gen.Const(false)))
            .Select(t => new Case(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7));

    [Fact]
    public void GeneratedCanaries_FailWithOurErrorOrSynthesizeWhatAwsAccepts()
        => PropertyRun.Run(Cases, defaultCases: 40, Judge, output);

    private static SynthOutcome.Kind Judge(Case c)
    {
        var app = TestApp.Create();
        var stack = TestApp.CreateStack(app, "TestStack");
        return SynthOutcome.Judge(app, () =>
        {
            var w = new Workloads(stack);
            _ = w.DnsService("Orders", "orders");
            _ = new DiscoveryCanary(stack, "Canary", new DiscoveryCanaryProps
            {
                Vpc = w.Vpc,
                Schedule = c.ScheduleMinutes is { } minutes ? Amazon.CDK.Duration.Seconds(minutes * 60) : null,
                Timeout = c.TimeoutSeconds is { } seconds ? Amazon.CDK.Duration.Millis(seconds * 1000) : null,
                AlarmEvaluationPeriods = c.Periods,
                AlarmDatapointsToAlarm = c.Datapoints,
                MemorySize = c.Memory,
                DnsResolver = c.Resolver is null ? null : Str(c.Resolver),
                DnsChecks = c.DnsChecks,
            });
        });
    }
}

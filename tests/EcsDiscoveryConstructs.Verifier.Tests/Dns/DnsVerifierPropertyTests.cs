using CsCheck;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;

namespace EcsDiscoveryConstructs.Verifier.Tests.Dns;

/// <summary>
/// Lying DNS servers: generated registry states and generated answers (stale, duplicated, huge, wrong TTLs and codes).
/// The DNS checks must never throw, and must fail exactly when an independent oracle says the answers differ from what
/// Route 53 would answer. Fixed seed in CI; <c>ECS_DISCOVERY_DNS_CASES</c> searches longer.
/// </summary>
public sealed class DnsVerifierPropertyTests
{
    private const string Zone = OrdersObservation.Zone;
    private const string Name = OrdersObservation.Name;

    /// <param name="Registered">Instance count (each i-N at 10.0.0.N).</param>
    /// <param name="Healthy">How many of them are healthy (the first ones).</param>
    /// <param name="Weighted">WEIGHTED instead of MULTIVALUE.</param>
    /// <param name="Answered">The last octets the server answers with (0 = none; above Registered = stale).</param>
    /// <param name="Ttl">The answers' TTL (the service declares 10).</param>
    /// <param name="Code">NOERROR, NXDOMAIN or SERVFAIL.</param>
    public sealed record Case(int Registered, int Healthy, bool Weighted, int[] Answered, int Ttl, string Code);

    private static readonly Gen<Case> Cases =
        Gen.Select(Gen.Int[0, 12], Gen.Int[0, 12], Gen.Bool, Gen.Int[1, 16].Array[0, 14], Gen.OneOf(Gen.Int[0, 10], Gen.Int[11, int.MaxValue]), Gen.OneOf(Gen.Const("NOERROR"), Gen.Const("NOERROR"), Gen.Const("NXDOMAIN"), Gen.Const("SERVFAIL")))
            .Select(t => new Case(t.Item1, Math.Min(t.Item1, t.Item2), t.Item3, t.Item4, t.Item5, t.Item6));

    [Fact]
    public void GeneratedAnswers_NeverThrow_AndFailExactlyWhenRoute53WouldHaveAnsweredOtherwise()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("ECS_DISCOVERY_DNS_CASES"), out var n) && n > 0 ? n : 60;
        Case current = new(0, 0, false, [], 10, "NOERROR");
        using var dns = new ScriptedDns((name, type) => type == "SOA" && name == Zone
            ? new("NOERROR", [ScriptedDns.Soa(Zone)])
            : name == Name && type == "A"
                ? new(current.Code, current.Code == "NOERROR" ? [.. current.Answered.Select(o => new ScriptedRecord(Name, "A", current.Ttl, $"10.0.0.{o}"))] : [], [ScriptedDns.Soa(Zone)])
                : new("NXDOMAIN", [], [ScriptedDns.Soa(Zone)]));
        var verifier = new DnsVerifier(new DnsClientResolver(dns.Endpoint));
        Cases.RunSeeded(c =>
            {
                current = c;
                var results = verifier.VerifyAsync([Observe(c)], CancellationToken.None).GetAwaiter().GetResult();
                var failed = results.Any(r => r.Status == CheckStatus.Fail);
                Assert.Equal(Oracle(c), !failed);
            },
            seed: "0N3HDDkNm7Q1",
            iter: cases,
            threads: 1,
            print: c => System.Text.Json.JsonSerializer.Serialize(c));
    }

    /// <summary>What Route 53 could have answered, written from docs/dns-facts.md independently of the checks.</summary>
    private static bool Oracle(Case c)
    {
        var pool = c.Healthy > 0 ? Enumerable.Range(1, c.Healthy).ToHashSet() : Enumerable.Range(1, c.Registered).ToHashSet();
        if (c.Code == "SERVFAIL")
        {
            return false;
        }

        if (c.Code == "NXDOMAIN")
        {
            return pool.Count == 0;
        }

        var expectedCount = c.Weighted ? Math.Min(1, pool.Count) : Math.Min(8, pool.Count);
        return c.Answered.All(pool.Contains)
            && c.Answered.Length == expectedCount
            && (c.Answered.Length == 0 || c.Ttl <= 10);
    }

    private static ServiceObservation Observe(Case c)
    {
        var instances = Enumerable.Range(1, c.Registered).Select(i => new LiveInstance($"i-{i}", new Dictionary<string, string> { ["AWS_INSTANCE_IPV4"] = $"10.0.0.{i}" })).ToList();
        return OrdersObservation.Of(instances, instances.Take(c.Healthy).Select(i => i.Id), c.Weighted ? "WEIGHTED" : "MULTIVALUE");
    }
}

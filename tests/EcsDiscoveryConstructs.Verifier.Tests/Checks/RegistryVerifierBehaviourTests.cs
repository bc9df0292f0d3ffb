using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Tests.Checks;

/// <summary>What the registry verifier decides, over an in-memory registry: each test names one behaviour.</summary>
public sealed class RegistryVerifierBehaviourTests
{
    private readonly FakeRegistry registry = new();

    private VerificationReport Verify(ExpectedState expected, bool strict = false, int concurrency = 4)
        => new RegistryVerifier(registry, concurrency).VerifyAsync(expected, strict, CancellationToken.None).GetAwaiter().GetResult();

    private static CheckResult Result(VerificationReport report, string check, string? target = null)
        => Assert.Single(report.Results, r => r.Check == check && (target is null || r.Target == target));

    [Fact]
    public void ANamespaceOfTheSameNameButAnotherType_IsNotMatched()
    {
        registry.Namespace("internal.example.com", "HTTP");
        var ns = FakeRegistry.Expected("internal.example.com");
        var report = Verify(new ExpectedState([ns], [FakeRegistry.Expected(ns, "orders")]));
        var exists = Result(report, "namespace-exists");
        Assert.Equal((CheckStatus.Fail, "namespace 'internal.example.com' exists as HTTP, expected DNS_PRIVATE", "DNS_PRIVATE", "HTTP"), (exists.Status, exists.Message, exists.Expected, exists.Actual));
        Assert.DoesNotContain(report.Results, r => r.Check == "service-exists");
        Assert.DoesNotContain(registry.Calls, c => c.StartsWith("ListServices", StringComparison.Ordinal));
    }

    [Fact]
    public void ANamespaceOfAnotherName_IsNotMatched()
    {
        registry.Namespace("internal.example.org");
        var ns = FakeRegistry.Expected("internal.example.com");
        Assert.Equal("namespace 'internal.example.com' (DNS_PRIVATE) does not exist", Result(Verify(new ExpectedState([ns], [])), "namespace-exists").Message);
    }

    [Fact]
    public void AServiceFromAnotherNamespace_IsNotCountedAsDeclaredHere()
    {
        var shop = registry.Namespace("shop.internal");
        registry.Namespace("billing.internal");
        registry.Service(shop, "orders");
        registry.Service(shop, "invoices");
        var shopNs = FakeRegistry.Expected("shop.internal", logicalId: "Shop");
        var billingNs = FakeRegistry.Expected("billing.internal", logicalId: "Billing");
        var report = Verify(new ExpectedState([shopNs, billingNs], [FakeRegistry.Expected(shopNs, "orders", 0), FakeRegistry.Expected(billingNs, "invoices", 0)]), strict: true);
        var unknown = Result(report, "unknown-services", "shop.internal");
        Assert.Equal((CheckStatus.Fail, "services the assembly does not declare: invoices"), (unknown.Status, unknown.Message));
    }

    [Fact]
    public void AnUnknownService_IsReportedOnlyWhenEveryExpectedNameIsResolved()
    {
        var shop = registry.Namespace("shop.internal");
        registry.Service(shop, "orders");
        registry.Service(shop, "legacy");
        var ns = FakeRegistry.Expected("shop.internal");
        var unresolved = FakeRegistry.Expected(ns, "x", 0) with { Name = new TemplateValue(null, "{\"Fn::GetAtt\":[\"Svc\",\"Name\"]}") };
        Assert.DoesNotContain(Verify(new ExpectedState([ns], [FakeRegistry.Expected(ns, "orders", 0), unresolved]), strict: true).Results, r => r.Check == "unknown-services");
        var resolved = Result(Verify(new ExpectedState([ns], [FakeRegistry.Expected(ns, "orders", 0)]), strict: true), "unknown-services");
        Assert.Equal("legacy", resolved.Actual);
    }

    [Fact]
    public void UnknownServices_WarnUnlessStrict()
    {
        var shop = registry.Namespace("shop.internal");
        registry.Service(shop, "legacy");
        var ns = FakeRegistry.Expected("shop.internal");
        Assert.Equal(CheckStatus.Warn, Result(Verify(new ExpectedState([ns], [])), "unknown-services").Status);
        Assert.Equal(CheckStatus.Fail, Result(Verify(new ExpectedState([ns], []), strict: true), "unknown-services").Status);
    }

    [Fact]
    public void AmongNamespacesOfOneName_TheOneHoldingMostDeclaredServicesIsChecked()
    {
        var empty = registry.Namespace("shop.internal", id: "ns-empty");
        var full = registry.Namespace("shop.internal", id: "ns-full");
        registry.Service(empty, "legacy");
        registry.Service(full, "orders");
        registry.Service(full, "payments");
        var ns = FakeRegistry.Expected("shop.internal");
        var report = Verify(new ExpectedState([ns], [FakeRegistry.Expected(ns, "orders", 0), FakeRegistry.Expected(ns, "payments", 0)]));
        Assert.Contains("namespace ns-full (chosen among 2 with this name by its services)", Result(report, "namespace-exists").Message, StringComparison.Ordinal);
        Assert.All(report.Results.Where(r => r.Check == "service-exists"), r => Assert.Equal(CheckStatus.Pass, r.Status));
    }

    [Fact]
    public void TheNamespaceWithTheExpectedId_IsCheckedEvenWithFewerServices()
    {
        var stacks = registry.Namespace("shop.internal", id: "ns-stack");
        var other = registry.Namespace("shop.internal", id: "ns-other");
        registry.Service(stacks, "orders");
        registry.Service(other, "orders");
        registry.Service(other, "payments");
        var ns = FakeRegistry.Expected("shop.internal") with { Id = "ns-stack" };
        var report = Verify(new ExpectedState([ns], [FakeRegistry.Expected(ns, "orders", 0), FakeRegistry.Expected(ns, "payments", 0)]));
        Assert.Equal(CheckStatus.Pass, Result(report, "namespace-id").Status);
        Assert.Equal(CheckStatus.Fail, Result(report, "service-exists", "shop.internal/payments").Status);
    }

    [Fact]
    public void ANamespaceReplacedOutsideCloudFormation_FailsNamespaceId()
    {
        registry.Namespace("shop.internal", id: "ns-new");
        var ns = FakeRegistry.Expected("shop.internal") with { Id = "ns-old" };
        var result = Result(Verify(new ExpectedState([ns], [])), "namespace-id");
        Assert.Equal((CheckStatus.Fail, "ns-old", "ns-new"), (result.Status, result.Expected, result.Actual));
    }

    [Fact]
    public void AServiceReplacedOutsideCloudFormation_FailsServiceId()
    {
        var shop = registry.Namespace("shop.internal");
        registry.Service(shop, "orders", id: "srv-new");
        var ns = FakeRegistry.Expected("shop.internal");
        var result = Result(Verify(new ExpectedState([ns], [FakeRegistry.Expected(ns, "orders", 0) with { Id = "srv-old" }])), "service-id");
        Assert.Equal((CheckStatus.Fail, "srv-old", "srv-new"), (result.Status, result.Expected, result.Actual));
    }

    [Fact]
    public void SoaTtlThatDiffers_FailsWithBothValues()
    {
        registry.Namespace("shop.internal", soaTtl: 60);
        var result = Result(Verify(new ExpectedState([FakeRegistry.Expected("shop.internal", soaTtl: 15)], [])), "soa-ttl");
        Assert.Equal((CheckStatus.Fail, "15", "60", "SOA TTL is 60 s, expected 15 s"), (result.Status, result.Expected, result.Actual, result.Message));
    }

    [Fact]
    public void ANamespaceWithoutDeclaredSoaTtl_HasNoSoaCheck()
    {
        registry.Namespace("shop.internal", soaTtl: 60);
        Assert.DoesNotContain(Verify(new ExpectedState([FakeRegistry.Expected("shop.internal", soaTtl: null)], [])).Results, r => r.Check == "soa-ttl");
    }

    [Fact]
    public void DiscoverInstances_AsksByTheNamespacesHttpName()
    {
        var shop = registry.Namespace("shop.internal", httpName: "shop.internal-1a2b3c");
        var orders = registry.Service(shop, "orders");
        registry.Instance(orders, "i-1", "10.0.0.1", ecsService: "orders");
        var ns = FakeRegistry.Expected("shop.internal");
        var report = Verify(new ExpectedState([ns], [FakeRegistry.Expected(ns, "orders")]));
        Assert.Contains("DiscoverInstances shop.internal-1a2b3c orders ALL", registry.Calls);
        Assert.True(report.Passed, string.Join("\n", report.Results.Where(r => r.Status != CheckStatus.Pass)));
    }

    [Fact]
    public void AServiceWithAnUnresolvedName_IsSkippedAndNotLookedUp()
    {
        var shop = registry.Namespace("shop.internal");
        registry.Service(shop, "orders");
        var ns = FakeRegistry.Expected("shop.internal");
        var service = FakeRegistry.Expected(ns, "orders") with { Name = new TemplateValue(null, "{\"Ref\":\"Name\"}") };
        var report = Verify(new ExpectedState([ns], [service]));
        Assert.Equal(CheckStatus.Skip, Result(report, "service-exists").Status);
        Assert.DoesNotContain(registry.Calls, c => c.StartsWith("ListInstances", StringComparison.Ordinal));
        Assert.Empty(report.Observations);
    }

    [Fact]
    public void ANamespaceWithAnUnresolvedName_IsSkippedAndItsServicesAreNotChecked()
    {
        registry.Namespace("shop.internal");
        var ns = FakeRegistry.Expected("shop.internal") with { Name = new TemplateValue(null, "{\"Ref\":\"Ns\"}") };
        var report = Verify(new ExpectedState([ns], [FakeRegistry.Expected(ns, "orders")]));
        Assert.Equal(CheckStatus.Skip, Result(report, "namespace-exists").Status);
        Assert.DoesNotContain(report.Results, r => r.Check == "service-exists");
    }

    [Fact]
    public void AMissingService_IsObservedForTheDnsChecks_AndFails()
    {
        registry.Namespace("shop.internal");
        var ns = FakeRegistry.Expected("shop.internal");
        var report = Verify(new ExpectedState([ns], [FakeRegistry.Expected(ns, "orders")]));
        Assert.Equal(CheckStatus.Fail, Result(report, "service-exists").Status);
        var observed = Assert.Single(report.Observations);
        Assert.Null(observed.Live);
        Assert.False(report.Passed);
    }

    [Fact]
    public void EveryExpectedService_IsCheckedOnce_WhateverTheConcurrency()
    {
        var shop = registry.Namespace("shop.internal");
        var ns = FakeRegistry.Expected("shop.internal");
        var expected = new List<ExpectedService>();
        for (var i = 0; i < 12; i++)
        {
            var live = registry.Service(shop, $"svc-{i}");
            registry.Instance(live, $"i-{i}", $"10.0.0.{i + 1}", ecsService: $"svc-{i}");
            expected.Add(FakeRegistry.Expected(ns, $"svc-{i}"));
        }

        var report = Verify(new ExpectedState([ns], expected), concurrency: 1);
        Assert.Equal(12, report.Results.Count(r => r.Check == "service-exists" && r.Status == CheckStatus.Pass));
        Assert.Equal(12, registry.Calls.Count(c => c.StartsWith("ListInstances", StringComparison.Ordinal)));
        Assert.Equal(expected.Select(s => $"shop.internal/{s.Name}"), report.Results.Where(r => r.Check == "service-exists").Select(r => r.Target));
        Assert.True(report.Passed);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    public void ServicesAreChecked_ConcurrencyAtATime_AndAtLeastOne(int concurrency, int inFlight)
    {
        var shop = registry.Namespace("shop.internal");
        var ns = FakeRegistry.Expected("shop.internal");
        var expected = Enumerable.Range(0, 6).Select(i => registry.Service(shop, $"svc-{i}")).Select(s => FakeRegistry.Expected(ns, s.Name, 0)).ToList();
        registry.ListInstancesDelay = TimeSpan.FromMilliseconds(100);
        var report = Verify(new ExpectedState([ns], expected), concurrency: concurrency);
        Assert.Equal(6, report.Results.Count(r => r.Check == "service-exists" && r.Status == CheckStatus.Pass));
        Assert.Equal(inFlight, registry.MaxListInstancesInFlight);
    }

    [Fact]
    public void AmongNamespacesOfOneName_WithTheSameNumberOfDeclaredServices_TheFirstListedIsChecked()
    {
        var first = registry.Namespace("shop.internal", id: "ns-first");
        var second = registry.Namespace("shop.internal", id: "ns-second");
        registry.Service(first, "orders");
        registry.Service(second, "orders");
        var ns = FakeRegistry.Expected("shop.internal");
        var report = Verify(new ExpectedState([ns], [FakeRegistry.Expected(ns, "orders", 0)]));
        Assert.Equal("DNS_PRIVATE namespace ns-first (chosen among 2 with this name by its services)", Result(report, "namespace-exists").Message);
        Assert.Equal("service srv-1", Result(report, "service-exists").Message);
    }

    [Fact]
    public void NoExpectedState_IsRefused()
        => Assert.Throws<ArgumentNullException>(() => Verify(null!));

    [Fact]
    public void AServiceInANamespaceAnotherAccountShared_IsListedByArn_AndDiscoveredNamingTheOwner()
    {
        var ns = registry.Namespace("platform", "HTTP", soaTtl: null, owner: "111111111111");
        var checkout = registry.Service(ns, "checkout", account: "222222222222");
        registry.Instance(checkout, "task-1", "10.0.1.5", ecsService: "checkout");
        var expected = FakeRegistry.Expected("platform", NamespaceKind.Http, soaTtl: null);
        var report = Verify(new ExpectedState([expected], [FakeRegistry.Expected(expected, "checkout")]));

        Assert.True(report.Passed, string.Join("\n", report.Results.Where(r => r.Status != CheckStatus.Pass)));
        Assert.Contains($"ListInstances {checkout.Arn}", registry.Calls);
        Assert.Contains("DiscoverInstances platform checkout ALL owner 111111111111", registry.Calls);
    }

    [Fact]
    public void AServiceOfTheNamespaceOwner_IsListedById()
    {
        var ns = registry.Namespace("platform", "HTTP", soaTtl: null, owner: "123456789012");
        var payments = registry.Service(ns, "payments");
        var expected = FakeRegistry.Expected("platform", NamespaceKind.Http, soaTtl: null);
        _ = Verify(new ExpectedState([expected], [FakeRegistry.Expected(expected, "payments", 0)]));
        Assert.Contains($"ListInstances {payments.Id}", registry.Calls);
    }

    [Fact]
    public void DeclaredServiceAttributes_PassWhenLiveAndFailNamingTheDifference()
    {
        var ns = registry.Namespace("platform", "HTTP", soaTtl: null);
        var checkout = registry.Service(ns, "checkout");
        registry.ServiceAttributes[checkout.Id] = new() { ["team"] = "checkout", ["tier"] = "standard", ["extra"] = "set by hand" };
        var expectedNs = FakeRegistry.Expected("platform", NamespaceKind.Http, soaTtl: null);
        var declared = FakeRegistry.Expected(expectedNs, "checkout", 0) with { ServiceAttributes = new Dictionary<string, TemplateValue> { ["team"] = new("checkout", null), ["tier"] = new("critical", null), ["owner"] = new(null, "{\"Ref\":\"Owner\"}") } };

        var result = Result(Verify(new ExpectedState([expectedNs], [declared])), "service-attributes");
        Assert.Equal((CheckStatus.Fail, "service attributes differ: owner missing; tier=standard (expected critical)"), (result.Status, result.Message));
        Assert.Equal("extra=set by hand, team=checkout, tier=standard", result.Actual);

        registry.ServiceAttributes[checkout.Id]["tier"] = "critical";
        registry.ServiceAttributes[checkout.Id]["owner"] = "resolved at deploy";
        var passed = Result(Verify(new ExpectedState([expectedNs], [declared])), "service-attributes");
        Assert.Equal((CheckStatus.Pass, "3 service attributes as declared"), (passed.Status, passed.Message));
    }

    [Fact]
    public void ServiceAttributesThePeerCannotRead_AreSkippedWithTheReason_AndNotAskedForWhenNoneAreDeclared()
    {
        var ns = registry.Namespace("platform", "HTTP", soaTtl: null);
        registry.Service(ns, "checkout");
        registry.ServiceAttributesError = "AccessDeniedException";
        var expectedNs = FakeRegistry.Expected("platform", NamespaceKind.Http, soaTtl: null);
        var plain = FakeRegistry.Expected(expectedNs, "checkout", 0);
        Assert.DoesNotContain(Verify(new ExpectedState([expectedNs], [plain])).Results, r => r.Check == "service-attributes");
        Assert.DoesNotContain(registry.Calls, c => c.StartsWith("GetServiceAttributes", StringComparison.Ordinal));

        var declared = plain with { ServiceAttributes = new Dictionary<string, TemplateValue> { ["team"] = new("checkout", null) } };
        var skipped = Result(Verify(new ExpectedState([expectedNs], [declared])), "service-attributes");
        Assert.Equal((CheckStatus.Skip, "service attributes not read (GetServiceAttributes: AccessDeniedException)"), (skipped.Status, skipped.Message));
    }

    private static ExpectedNamespace Imported(string id, string? owner) => new("Consumer", $"imported:{id}", new TemplateValue(id, null), NamespaceKind.Http, null) { Id = id, Imported = true, OwnerAccount = owner };

    [Fact]
    public void AnImportedNamespace_IsFoundByItsId_WhateverItsNameAndType_AndOtherAccountsServicesAreNotUnknown()
    {
        var ns = registry.Namespace("platform", "DNS_PRIVATE", id: "ns-0123456789abcdef0", owner: "111111111111");
        registry.Namespace("platform", "HTTP", soaTtl: null, id: "ns-other");
        var checkout = registry.Service(ns, "checkout", account: "222222222222");
        registry.Service(ns, "payments", account: "111111111111");
        registry.Instance(checkout, "task-1", "10.0.1.5", ecsService: "checkout");
        var expected = Imported("ns-0123456789abcdef0", "111111111111");
        var report = Verify(new ExpectedState([expected], [FakeRegistry.Expected(expected, "checkout") with { DnsRecords = [new DnsRecordInfo("A", 10)] }]), strict: true);

        Assert.True(report.Passed, string.Join("\n", report.Results.Where(r => r.Status != CheckStatus.Pass)));
        var exists = Result(report, "namespace-exists");
        Assert.Equal("DNS_PRIVATE namespace ns-0123456789abcdef0 'platform', imported (owned by account 111111111111)", exists.Message);
        Assert.DoesNotContain(report.Results, r => r.Check is "unknown-services" or "namespace-id");
        Assert.Contains($"ListInstances {checkout.Arn}", registry.Calls);
    }

    [Fact]
    public void AnImportedNamespaceNotVisible_FailsSayingTheShareMayBeMissing()
    {
        registry.Namespace("platform", "HTTP", soaTtl: null, id: "ns-else");
        var expected = Imported("ns-0123456789abcdef0", "111111111111");
        var report = Verify(new ExpectedState([expected], [FakeRegistry.Expected(expected, "checkout")]));
        var exists = Result(report, "namespace-exists");
        Assert.Equal((CheckStatus.Fail, "imported namespace ns-0123456789abcdef0 (owned by account 111111111111) is not visible: it does not exist, or is not shared with this account (AWS RAM share not accepted or revoked)"), (exists.Status, exists.Message));
        Assert.Equal("ns-0123456789abcdef0", exists.Target);
        Assert.DoesNotContain(report.Results, r => r.Check == "service-exists");
    }
}

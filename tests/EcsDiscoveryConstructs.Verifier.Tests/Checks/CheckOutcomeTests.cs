using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.Checks.Registry;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using static EcsDiscoveryConstructs.Verifier.Tests.Checks.CheckFixtures;

namespace EcsDiscoveryConstructs.Verifier.Tests.Checks;

/// <summary>
/// Each registry check's whole outcome (status, message, expected, actual) in the cases that decide it, one behaviour
/// per test: what a user reads in the report and what JSON consumers compare.
/// </summary>
public sealed class CheckOutcomeTests
{
    private const string Orders = "internal.example.com/orders";

    private static NamespaceFacts NamespaceFacts(int candidates = 1, params string[] services)
        => new(Ns, [LiveNs], LiveNs, candidates, [.. services.Select(Service)], new HashSet<string> { "orders" }, true, false);

    private static string? One(IEnumerable<CheckResult> results) => results.ToList() switch
    {
        [] => null,
        [var r] => Line(r),
        var many => throw new Xunit.Sdk.XunitException($"{many.Count} results: {string.Join("; ", many.Select(Line))}"),
    };

    private static ServiceFacts WithCount(int? min, int? max, int count)
        => Facts(Service("orders"), [.. Enumerable.Range(1, count).Select(i => Instance($"i-{i}", $"10.0.0.{i}"))]) with { Service = Expected() with { MinInstances = min, MaxInstances = max } };

    private static ServiceFacts WithAttributes(ServiceFacts facts, params (string Id, string[] Keys)[] instances)
        => facts with { Instances = [.. instances.Select(i => new LiveInstance(i.Id, i.Keys.ToDictionary(k => k, _ => "x")))] };

    [Fact]
    public void NamespaceExists_PassNamesTypeAndId_AndTheChoiceOnlyAmongSeveral()
    {
        Assert.Equal("Pass namespace-exists internal.example.com | DNS_PRIVATE namespace ns-1 | DNS_PRIVATE -> DNS_PRIVATE", One(new NamespaceExistsCheck().Check(NamespaceFacts())));
        Assert.Equal(
            "Pass namespace-exists internal.example.com | DNS_PRIVATE namespace ns-1 (chosen among 2 with this name by its services) | DNS_PRIVATE -> DNS_PRIVATE",
            One(new NamespaceExistsCheck().Check(NamespaceFacts(candidates: 2))));
    }

    [Fact]
    public void NamespaceExists_MissingOrOfAnotherType_FailsWithTheTypes()
    {
        var missing = NamespaceFacts() with { SameName = [], Chosen = null, Candidates = 0 };
        Assert.Equal("Fail namespace-exists internal.example.com | namespace 'internal.example.com' (DNS_PRIVATE) does not exist | DNS_PRIVATE -> missing", One(new NamespaceExistsCheck().Check(missing)));
        Assert.Equal(
            "Fail namespace-exists internal.example.com | namespace 'internal.example.com' exists as HTTP, expected DNS_PRIVATE | DNS_PRIVATE -> HTTP",
            One(new NamespaceExistsCheck().Check(missing with { SameName = [LiveNs with { Type = "HTTP" }] })));
    }

    [Fact]
    public void NamespaceExists_UnresolvedName_IsSkippedWithTheExpression()
    {
        var facts = NamespaceFacts() with { Namespace = Ns with { Name = new TemplateValue(null, "{\"Ref\":\"Name\"}") }, Chosen = null };
        Assert.Equal(
            "Skip namespace-exists (unresolved: {\"Ref\":\"Name\"}) | namespace Ns: its name is not known before deployment ({\"Ref\":\"Name\"}); not guessed |  -> ",
            One(new NamespaceExistsCheck().Check(facts)));
    }

    [Fact]
    public void SoaTtl_Equal_PassesWithTheValue_AndAMissingLiveValueIsShownAsNotSet()
    {
        Assert.Equal("Pass soa-ttl internal.example.com | SOA TTL 15 s | 15 -> 15", One(new SoaTtlCheck().Check(NamespaceFacts())));
        Assert.Equal("Fail soa-ttl internal.example.com | SOA TTL is not set, expected 15 s | 15 -> not set", One(new SoaTtlCheck().Check(NamespaceFacts() with { Chosen = LiveNs with { SoaTtl = null } })));
        Assert.Null(One(new SoaTtlCheck().Check(NamespaceFacts() with { Chosen = null })));
    }

    [Fact]
    public void UnknownServices_AreListedInNameOrder()
    {
        Assert.Equal(
            "Warn unknown-services internal.example.com | services the assembly does not declare: alpha, zulu | none -> alpha, zulu",
            One(new UnknownServicesCheck().Check(NamespaceFacts(1, "zulu", "orders", "alpha"))));
        Assert.Null(One(new UnknownServicesCheck().Check(NamespaceFacts(1, "zulu") with { Chosen = null })));
        Assert.Null(One(new UnknownServicesCheck().Check(NamespaceFacts(1, "zulu") with { AllNamesResolved = false })));
    }

    [Fact]
    public void IdChecks_PassNameTheId()
    {
        Assert.Equal("Pass namespace-id internal.example.com | namespace ns-1 | ns-1 -> ns-1", One(new NamespaceIdCheck().Check(NamespaceFacts() with { Namespace = Ns with { Id = "ns-1" } })));
        var facts = Facts(Service("orders")) with { Service = Expected() with { Id = "srv-orders" } };
        Assert.Equal($"Pass service-id {Orders} | service srv-orders | srv-orders -> srv-orders", One(new ServiceIdCheck().Check(facts)));
        Assert.Equal(
            $"Fail service-id {Orders} | service '{Orders}' is srv-new, but the stack created srv-orders: it was replaced outside CloudFormation, which still manages srv-orders | srv-orders -> srv-new",
            One(new ServiceIdCheck().Check(facts with { Live = Service("orders") with { Id = "srv-new" } })));
    }

    [Fact]
    public void ServiceExists_PassNamesTheId_MissingServiceConnectServiceSaysWhoCreatesIt()
    {
        Assert.Equal($"Pass service-exists {Orders} | service srv-orders | orders -> srv-orders", One(new ServiceExistsCheck().Check(new ServiceLookup(Expected(), true, Service("orders")))));
        Assert.Equal(
            $"Fail service-exists {Orders} | service 'orders' does not exist in namespace 'internal.example.com' (Service Connect creates it when the ECS service starts) | orders -> missing",
            One(new ServiceExistsCheck().Check(new ServiceLookup(Expected() with { ServiceConnect = true }, true, null))));
        Assert.Equal(
            "Skip service-exists internal.example.com/(unresolved: {\"Ref\":\"X\"}) | service Svc: its name is not known before deployment ({\"Ref\":\"X\"}); not guessed |  -> ",
            One(new ServiceExistsCheck().Check(new ServiceLookup(Expected() with { Name = new TemplateValue(null, "{\"Ref\":\"X\"}") }, true, null))));
    }

    [Fact]
    public void ServiceExists_InAMissingNamespace_AddsNoSecondFinding()
        => Assert.Null(One(new ServiceExistsCheck().Check(new ServiceLookup(Expected(), false, null))));

    [Fact]
    public void DnsRecords_PassListsThem_AndRecordsOnEitherSideAreCompared()
    {
        var facts = Facts(Service("orders"));
        Assert.Equal($"Pass dns-records {Orders} | records A 10s | A 10s -> A 10s", One(new DnsRecordsCheck().Check(facts)));
        Assert.Equal($"Fail dns-records {Orders} | records are [], expected [A 10s] | A 10s -> ", One(new DnsRecordsCheck().Check(facts with { Live = Service("orders") with { DnsRecords = [] } })));
        Assert.Equal($"Fail dns-records {Orders} | records are [A 10s], expected [] |  -> A 10s", One(new DnsRecordsCheck().Check(facts with { Service = Expected() with { DnsRecords = [] } })));
        Assert.Null(One(new DnsRecordsCheck().Check(facts with { Service = Expected() with { DnsRecords = [] }, Live = Service("orders") with { DnsRecords = [] } })));
    }

    [Fact]
    public void RoutingPolicy_IsCheckedWhenEitherSideHasRecords_AndAMissingPolicyIsShownAsNotSet()
    {
        var facts = Facts(Service("orders"));
        Assert.Equal($"Pass routing-policy {Orders} | routing MULTIVALUE | MULTIVALUE -> MULTIVALUE", One(new RoutingPolicyCheck().Check(facts)));
        var apiOnlyLive = Service("orders") with { DnsRecords = [], RoutingPolicy = null };
        Assert.Equal($"Fail routing-policy {Orders} | routing policy is not set, expected MULTIVALUE | MULTIVALUE -> not set", One(new RoutingPolicyCheck().Check(facts with { Live = apiOnlyLive })));
        Assert.Equal($"Pass routing-policy {Orders} | routing MULTIVALUE | MULTIVALUE -> MULTIVALUE", One(new RoutingPolicyCheck().Check(facts with { Service = Expected() with { DnsRecords = [] } })));
        Assert.Null(One(new RoutingPolicyCheck().Check(facts with { Service = Expected() with { DnsRecords = [] }, Live = apiOnlyLive })));
        Assert.Null(One(new RoutingPolicyCheck().Check(facts with { Service = Expected() with { RoutingPolicy = null } })));
    }

    [Fact]
    public void HealthCheck_KindsAreTellable()
    {
        var route53 = Facts(Service("orders") with { CustomHealthCheck = false, Route53HealthCheck = true }) with { Service = Expected() with { HealthCheck = HealthCheckKind.Route53 } };
        Assert.Equal($"Pass health-check {Orders} | health check Route53 | Route53 -> Route53", One(new HealthCheckKindCheck().Check(route53)));
        Assert.Equal($"Fail health-check {Orders} | health check is Custom, expected Route53 | Route53 -> Custom", One(new HealthCheckKindCheck().Check(route53 with { Live = Service("orders") })));
        Assert.Equal($"Fail health-check {Orders} | health check is None, expected Route53 | Route53 -> None", One(new HealthCheckKindCheck().Check(route53 with { Live = Service("orders") with { CustomHealthCheck = false } })));
        Assert.Null(One(new HealthCheckKindCheck().Check(route53 with { Service = Expected() with { HealthCheck = null } })));
    }

    [Fact]
    public void InstanceCount_RangeBoundsAreInclusive_AndEitherBoundAloneIsChecked()
    {
        Assert.Equal($"Pass instance-count {Orders} | 2 instances (expected 2) | 2 -> 2", One(new InstanceCountCheck().Check(WithCount(2, 2, 2))));
        Assert.Equal($"Pass instance-count {Orders} | 1 instances (expected 1-3) | 1-3 -> 1", One(new InstanceCountCheck().Check(WithCount(1, 3, 1))));
        Assert.Equal($"Pass instance-count {Orders} | 3 instances (expected 1-3) | 1-3 -> 3", One(new InstanceCountCheck().Check(WithCount(1, 3, 3))));
        Assert.Equal($"Fail instance-count {Orders} | 4 instances, expected 1-3 | 1-3 -> 4", One(new InstanceCountCheck().Check(WithCount(1, 3, 4))));
        Assert.Equal($"Fail instance-count {Orders} | 0 instances, expected 1-3 | 1-3 -> 0", One(new InstanceCountCheck().Check(WithCount(1, 3, 0))));
        Assert.Equal($"Fail instance-count {Orders} | 1 instances, expected 2-any | 2-any -> 1", One(new InstanceCountCheck().Check(WithCount(2, null, 1))));
        Assert.Equal($"Pass instance-count {Orders} | 9 instances (expected 2-any) | 2-any -> 9", One(new InstanceCountCheck().Check(WithCount(2, null, 9))));
        Assert.Equal($"Fail instance-count {Orders} | 4 instances, expected 0-3 | 0-3 -> 4", One(new InstanceCountCheck().Check(WithCount(null, 3, 4))));
        Assert.Equal($"Pass instance-count {Orders} | 0 instances (expected 0-3) | 0-3 -> 0", One(new InstanceCountCheck().Check(WithCount(null, 3, 0))));
        Assert.Null(One(new InstanceCountCheck().Check(WithCount(null, null, 5))));
    }

    [Fact]
    public void InstanceAttributes_WhatEachRecordTypeNeeds()
    {
        var a = Facts(Service("orders"));
        Assert.Equal($"Pass instance-attributes {Orders} | every instance has AWS_INSTANCE_IPV4 | none -> none", One(new InstanceAttributesCheck().Check(WithAttributes(a, ("i-1", ["AWS_INSTANCE_IPV4"]), ("i-2", ["AWS_ALIAS_DNS_NAME"])))));
        Assert.Equal($"Fail instance-attributes {Orders} | instances without AWS_INSTANCE_IPV4: i-2 | none -> i-2", One(new InstanceAttributesCheck().Check(WithAttributes(a, ("i-1", ["AWS_INSTANCE_IPV4"]), ("i-2", ["AWS_INSTANCE_PORT"])))));

        var aAndSrv = a with { Service = Expected() with { DnsRecords = [new DnsRecordInfo("A", 10), new DnsRecordInfo("SRV", 10)] } };
        Assert.Equal($"Pass instance-attributes {Orders} | every instance has AWS_INSTANCE_IPV4/PORT | none -> none", One(new InstanceAttributesCheck().Check(WithAttributes(aAndSrv, ("i-1", ["AWS_INSTANCE_IPV4", "AWS_INSTANCE_PORT"])))));
        Assert.Equal(
            $"Fail instance-attributes {Orders} | instances without AWS_INSTANCE_PORT or AWS_INSTANCE_IPV4: i-1, i-2 | none -> i-1, i-2",
            One(new InstanceAttributesCheck().Check(WithAttributes(aAndSrv, ("i-1", ["AWS_INSTANCE_PORT"]), ("i-2", ["AWS_INSTANCE_IPV4"])))));

        var srvOnly = a with { Service = Expected() with { DnsRecords = [new DnsRecordInfo("SRV", 10)] } };
        Assert.Equal($"Pass instance-attributes {Orders} | every instance has AWS_INSTANCE_IPV4/PORT | none -> none", One(new InstanceAttributesCheck().Check(WithAttributes(srvOnly, ("i-1", ["AWS_INSTANCE_PORT"])))));
        Assert.Null(One(new InstanceAttributesCheck().Check(WithAttributes(a))));
    }

    [Fact]
    public void InstanceAttributes_ApiOnlyServiceOfAnEcsService_NeedsAnIpv4_ButNotForServiceConnectOrWithoutEcsService()
    {
        var apiOnly = Facts(Service("orders")) with { Service = Expected() with { DnsRecords = [] } };
        Assert.Equal($"Fail instance-attributes {Orders} | instances without AWS_INSTANCE_IPV4: i-1 | none -> i-1", One(new InstanceAttributesCheck().Check(WithAttributes(apiOnly, ("i-1", ["AWS_INSTANCE_PORT"])))));
        var serviceConnect = apiOnly with { Service = apiOnly.Service with { ServiceConnect = true } };
        Assert.Equal($"Pass instance-attributes {Orders} | every instance has its attributes | none -> none", One(new InstanceAttributesCheck().Check(WithAttributes(serviceConnect, ("i-1", ["AWS_INSTANCE_PORT"])))));
        var declaredOnly = apiOnly with { Service = apiOnly.Service with { EcsServiceNames = [] } };
        Assert.Equal($"Pass instance-attributes {Orders} | every instance has its attributes | none -> none", One(new InstanceAttributesCheck().Check(WithAttributes(declaredOnly, ("i-1", ["url"])))));
    }

    [Fact]
    public void DeclaredInstances_EachDifferenceIsNamed_InAttributeOrder()
    {
        var attributes = new Dictionary<string, TemplateValue>
        {
            ["zone"] = new("a", null),
            ["url"] = new("https://x", null),
            ["arn"] = new(null, "{\"Ref\":\"Lb\"}"),
            ["color"] = new("blue", null),
        };
        var declared = Facts(Service("orders")) with
        {
            Service = Expected() with
            {
                DeclaredInstances =
                [
                    new DeclaredInstance("Lb", "Svc", new TemplateValue("lb", null), attributes),
                    new DeclaredInstance("Gone", "Svc", new TemplateValue("gone", null), attributes),
                    new DeclaredInstance("Later", "Svc", new TemplateValue(null, "{\"Ref\":\"Id\"}"), attributes),
                ],
            },
            Instances = [new LiveInstance("lb", new Dictionary<string, string> { ["url"] = "https://y", ["color"] = "blue" }), new LiveInstance("lb", new Dictionary<string, string>())],
        };
        Assert.Equal(
            $"Fail declared-instances {Orders} | template instances differ: 'lb' url is 'https://y', expected 'https://x'; 'lb' has no zone (expected 'a'); 'gone' is not registered | as declared -> 'lb' url is 'https://y', expected 'https://x'; 'lb' has no zone (expected 'a'); 'gone' is not registered",
            One(new DeclaredInstancesCheck().Check(declared)));
        var live = declared with { Service = declared.Service with { DeclaredInstances = declared.Service.DeclaredInstances.Take(1).ToList() }, Instances = [new LiveInstance("lb", new Dictionary<string, string> { ["url"] = "https://x", ["color"] = "blue", ["zone"] = "a" })] };
        Assert.Equal($"Pass declared-instances {Orders} | the 1 instances the template registers are live as declared | as declared -> as declared", One(new DeclaredInstancesCheck().Check(live)));
    }

    [Fact]
    public void UnknownInstances_OnlyAgainstKnownEcsServiceNames_FailWhenStrict()
    {
        var facts = Facts(Service("orders"), [Instance("i-1", "10.0.0.1"), new LiveInstance("i-9", new Dictionary<string, string> { ["ECS_SERVICE_NAME"] = "legacy" }), new LiveInstance("i-8", new Dictionary<string, string> { ["ECS_SERVICE_NAME"] = "batch" })]);
        Assert.Equal(
            $"Fail unknown-instances {Orders} | instances registered by another ECS service: i-9 (legacy), i-8 (batch) | none -> i-9 (legacy), i-8 (batch)",
            One(new UnknownInstancesCheck().Check(facts with { Strict = true })));
        Assert.Null(One(new UnknownInstancesCheck().Check(facts with { Service = Expected() with { EcsServiceNames = [] } })));
        Assert.Null(One(new UnknownInstancesCheck().Check(facts with { Service = Expected() with { EcsServiceNames = [new TemplateValue(null, "{\"Ref\":\"Svc\"}")] } })));
    }

    [Fact]
    public void DiscoverInstances_PassCountsTheInstances_AndListsBothSidesSorted()
    {
        var facts = Facts(Service("orders"), [Instance("i-2", "10.0.0.2"), Instance("i-1", "10.0.0.1")], [Healthy("i-1"), Healthy("i-2")]);
        Assert.Equal($"Pass discover-instances {Orders} | DiscoverInstances returns the 2 registered instances | i-1, i-2 -> i-1, i-2", One(new DiscoverInstancesCheck().Check(facts)));
        Assert.Equal(
            $"Fail discover-instances {Orders} | DiscoverInstances returned [i-1, i-3], ListInstances has [i-1, i-2] | i-1, i-2 -> i-1, i-3",
            One(new DiscoverInstancesCheck().Check(facts with { Discovered = [Healthy("i-3"), Healthy("i-1")] })));
    }

    [Fact]
    public void InstanceHealth_FirstAnswerPerInstanceCounts_AndUnansweredIsUnknown()
    {
        var facts = Facts(Service("orders"), [Instance("i-1", "10.0.0.1"), Instance("i-2", "10.0.0.2")], [Healthy("i-1"), new DiscoveredInstance("i-1", "UNHEALTHY", new Dictionary<string, string>()), Healthy("i-2")]);
        Assert.Equal($"Pass instance-health {Orders} | 2 instances HEALTHY | all HEALTHY -> all HEALTHY", One(new InstanceHealthCheck().Check(facts)));
        Assert.Equal(
            $"Fail instance-health {Orders} | instances not HEALTHY: i-1 UNHEALTHY, i-2 UNKNOWN | all HEALTHY -> i-1 UNHEALTHY, i-2 UNKNOWN",
            One(new InstanceHealthCheck().Check(facts with { Discovered = [new DiscoveredInstance("i-1", "UNHEALTHY", new Dictionary<string, string>()), Healthy("i-1")] })));
        Assert.Equal(
            $"Pass instance-health {Orders} | 2 instances HEALTHY | all HEALTHY -> all HEALTHY",
            One(new InstanceHealthCheck().Check(facts with { Live = Service("orders") with { CustomHealthCheck = false, Route53HealthCheck = true } })));
        Assert.Null(One(new InstanceHealthCheck().Check(facts with { Live = Service("orders") with { CustomHealthCheck = false } })));
    }
}

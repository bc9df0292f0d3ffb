using EcsDiscoveryConstructs.Canary;
using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.Canary;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation;

/// <summary>The canary's synth-time rules: something to check (canary-model), a role IAM can hold (canary-service-reads); no size limit on what it checks.</summary>
public class CanaryRulesTests
{
    [Fact]
    public void AScopeWithoutNamespaces_FailsSynthesisWithOurMessage()
    {
        var w = new Workloads();
        var empty = new Constructs.Construct(w.Stack, "Empty");
        _ = new DiscoveryCanary(w.Stack, "Canary", new DiscoveryCanaryProps { Vpc = w.Vpc, Scope = empty });
        var error = Findings.SynthError(w.Stack);
        Assert.Contains("DiscoveryCanary 'TestStack/Canary': Scope 'TestStack/Empty' declares no Cloud Map namespace (nor uses one of its stack), so the canary would check nothing. Create the canary for the stack or construct that holds the namespaces and services to check. [ecs-discovery:canary-model]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHundredServices_NearTheStacksResourceLimit_Synthesize_WithASmallEnvironment_AndNarrowScopesKeepARoleListingEachService()
    {
        // 50 ECS services with A records (8 resources each) and 50 Cloud Map services of a legacy fleet: 474 resources of
        // CloudFormation's 500. Reading them inside one synthesis callback ended the jsii kernel at about 40 services.
        var w = new Workloads();
        for (var i = 0; i < 50; i++)
        {
            _ = w.DnsService($"Service{i}", $"service-{i}");
        }

        var legacy = new Constructs.Construct(w.Stack, "Legacy");
        var legacyNamespace = Fixtures.HttpNamespace(w.Stack);
        for (var i = 0; i < 50; i++)
        {
            _ = new DiscoveryService(legacy, $"Host{i}", new DiscoveryServiceProps { Namespace = legacyNamespace, Name = $"legacy-{i}" });
        }

        _ = new DiscoveryCanary(w.Stack, "Canary", new DiscoveryCanaryProps { Vpc = w.Vpc });
        _ = new DiscoveryCanary(w.Stack, "LegacyCanary", new DiscoveryCanaryProps { Vpc = w.Vpc, Scope = legacy });
        var template = Templates.Json(w.Stack);
        var resources = Templates.Resources(template);
        Assert.InRange(resources.Count, 400, 500);

        var functions = resources.Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Function" && r.Value["Properties"]?["Environment"]?["Variables"]?["ECS_DISCOVERY_STACK"] is not null).ToList();
        Assert.Equal(2, functions.Count);
        Assert.All(functions, f => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(f.Value!["Properties"]!["Environment"]!["Variables"]!.ToJsonString()), 1, 512));

        var topology = EcsDiscoveryConstructs.Verifier.Assembly.TemplateTopologyReader.Read(w.Stack.StackName, template.ToJsonString());
        var whole = functions.Single(f => f.Key.StartsWith("Canary", StringComparison.Ordinal)).Key;
        var narrow = functions.Single(f => f.Key.StartsWith("LegacyCanary", StringComparison.Ordinal)).Key;
        Assert.Equal(100, EcsDiscoveryConstructs.Verifier.Expectations.ExpectedState.From([EcsDiscoveryConstructs.Verifier.Canary.CanaryExpectations.Scope(topology, whole)]).Services.Count);
        var legacyScope = EcsDiscoveryConstructs.Verifier.Expectations.ExpectedState.From([EcsDiscoveryConstructs.Verifier.Canary.CanaryExpectations.Scope(topology, narrow)]);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"legacy-{i}").Order(StringComparer.Ordinal), legacyScope.Services.Select(s => s.Name.Literal).Order(StringComparer.Ordinal));

        var policies = resources.Where(r => r.Value!["Type"]!.GetValue<string>() is "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy").ToList();
        // The CDK moves whole statements past its (template-size) estimate into managed policies (OverflowPolicy1, ...).
        JsonNode Statement(string canary, string sid) => policies.Where(p => p.Key.StartsWith(canary + "Role", StringComparison.Ordinal))
            .SelectMany(p => p.Value!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Single(s => s!["Sid"]?.GetValue<string>() == sid)!;
        var wide = Statement("Canary", "ReadCheckedServices")["Resource"]!.ToJsonString();
        Assert.EndsWith(":service/*\"]]}", wide, StringComparison.Ordinal);
        Assert.DoesNotContain("GetAtt", wide, StringComparison.Ordinal);
        Assert.Equal(
            ["DiscoveryCanary 'TestStack/Canary': Scope 'TestStack' holds 100 Cloud Map services, more than the 50 its role names one by one within IAM's policy size quota, so the role may list the instances of every Cloud Map service of its account and Region. To keep the role to the checked services, create one canary per construct of at most 50 services (Scope). [ecs-discovery:canary-service-reads]"],
            Findings.Warnings(w.Stack, "canary-service-reads"));
        Assert.Equal(50, Statement("LegacyCanary", "ReadCheckedServices")["Resource"]!.AsArray().Count);
        Assert.Equal(51, Statement("LegacyCanary", "DiscoverInCheckedNamespaces")["Resource"]!.AsArray().Count);
        foreach (var canary in new[] { "Canary", "LegacyCanary" })
        {
            var mine = policies.Where(p => p.Key.StartsWith(canary + "Role", StringComparison.Ordinal)).ToList();
            Assert.InRange(mine.Where(p => p.Value!["Type"]!.GetValue<string>() == "AWS::IAM::Policy").Sum(p => IamPolicySize.Deployed(p.Value!["Properties"]!["PolicyDocument"]!)), 1, IamPolicySize.InlinePerRole);
            Assert.All(mine.Where(p => p.Value!["Type"]!.GetValue<string>() == "AWS::IAM::ManagedPolicy"), p => Assert.InRange(IamPolicySize.Deployed(p.Value!["Properties"]!["PolicyDocument"]!), 1, IamPolicySize.Managed));
            Assert.InRange(mine.Count(p => p.Value!["Type"]!.GetValue<string>() == "AWS::IAM::ManagedPolicy"), 0, IamPolicySize.ManagedPerRole);
        }

        var stackReads = Statement("Canary", "ReadOwnStack");
        Assert.Equal("[\"cloudformation:DescribeStacks\",\"cloudformation:GetTemplate\",\"cloudformation:ListStackResources\"]", stackReads["Action"]!.ToJsonString());
        Assert.Contains(":stack/\",{\"Ref\":\"AWS::StackName\"},\"/*\"", stackReads["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FourHundredFiftyCloudMapServices_AreReadInSlices_AndTheRoleFitsOneInlinePolicy()
    {
        // ~10 reads each: in one synthesis callback the jsii kernel's stack overflows near 3,000 requests.
        var w = new Workloads();
        var ns = Fixtures.HttpNamespace(w.Stack);
        for (var i = 0; i < 450; i++)
        {
            _ = new DiscoveryService(w.Stack, $"Host{i}", new DiscoveryServiceProps { Namespace = ns, Name = $"host-{i}" });
        }

        _ = new DiscoveryCanary(w.Stack, "Canary", new DiscoveryCanaryProps { Vpc = w.Vpc });
        var template = Templates.Json(w.Stack);
        var policies = Templates.Resources(template).Where(r => r.Value!["Type"]!.GetValue<string>() is "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy").ToList();
        var policy = Assert.Single(policies, p => p.Key.StartsWith("CanaryRole", StringComparison.Ordinal));
        Assert.InRange(IamPolicySize.Deployed(policy.Value!["Properties"]!["PolicyDocument"]!), 1, IamPolicySize.InlinePerRole);
        var topology = EcsDiscoveryConstructs.Verifier.Assembly.TemplateTopologyReader.Read(w.Stack.StackName, template.ToJsonString());
        Assert.Equal(450, EcsDiscoveryConstructs.Verifier.Expectations.ExpectedState.From([EcsDiscoveryConstructs.Verifier.Canary.CanaryExpectations.Scope(topology, CanaryTemplate.FunctionId(template))]).Services.Count);
        Assert.Single(Findings.Warnings(w.Stack, "canary-service-reads"));
    }
}

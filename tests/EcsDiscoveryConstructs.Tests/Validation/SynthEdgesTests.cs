using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation;

/// <summary>
/// Inputs a hostile user found breaking the synth-time promise (issue 12): each must fail with our error, naming the
/// construct, the property as written, the value and a rule id, or synthesize what AWS accepts.
/// </summary>
public class SynthEdgesTests
{
    private static DiscoverableFargateService ScServer(Stack stack, Cluster cluster, IDiscoveryNamespace ns, string id, string name, bool dual = false, ServiceConnectEndpoint? endpoint = null)
        => new(stack, id, new DiscoverableFargateServiceProps
        {
            Cluster = cluster,
            Name = name,
            Container = Workloads.WebContainer(),
            ServiceConnect = new ServiceConnectOptions { Namespace = ns, Endpoints = [endpoint ?? new ServiceConnectEndpoint { PortMappingName = "http" }] },
            DualDiscovery = dual,
        });

    // A1: derived values.
    [Fact]
    public void DerivedAlias_InAnUpperCaseHttpNamespace_IsLowerCased()
    {
        var w = new Workloads();
        var ns = new HttpDiscoveryNamespace(w.Stack, "Http", new HttpDiscoveryNamespaceProps { Name = "Internal" });
        var service = ScServer(w.Stack, w.Cluster, ns, "Api", "api");
        Assert.Equal("api.internal", service.ServiceConnectAliases[0].DnsName);
    }

    [Fact]
    public void DualDiscoveryAlias_FromAnUpperCaseCloudMapName_IsLowerCasedAndEmitted()
    {
        var w = new Workloads();
        var ns = new PrivateDnsDiscoveryNamespace(w.Stack, "Apps", new PrivateDnsDiscoveryNamespaceProps { Name = "Apps.Example.com", Vpc = w.Vpc });
        var service = new DiscoverableFargateService(w.Stack, "Api", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "api",
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions { Namespace = ns, Name = "Api" },
            ServiceConnect = new ServiceConnectOptions { Namespace = ns, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http" }] },
            DualDiscovery = true,
        });
        Assert.Equal("api.apps.example.com", service.ServiceConnectAliases[0].DnsName);
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceConnectConfiguration"] = Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object>
            {
                ["Services"] = new object[] { Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["ClientAliases"] = new object[] { new Dictionary<string, object> { ["DnsName"] = "api.apps.example.com", ["Port"] = 8080 } } }) },
            }),
        });
    }

    [Fact]
    public void DerivedAlias_LongerThan127Characters_FailsNamingTheDerivedValue()
    {
        var w = new Workloads();
        var longName = string.Join('.', Enumerable.Repeat(new string('n', 59), 2)) + "." + new string('n', 10);
        var ns = new PrivateDnsDiscoveryNamespace(w.Stack, "Long", new PrivateDnsDiscoveryNamespaceProps { Name = longName, Vpc = w.Vpc });
        var error = Findings.Error(() => ScServer(w.Stack, w.Cluster, ns, "Orders", "orders"));
        var alias = $"orders.{longName}";
        Assert.Equal(
            [$"DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].DnsName (not set; derived from the discovery name and namespace: '{alias}') has {alias.Length} characters: use at most 127. Set ServiceConnect.Endpoints[0].DnsName to a short alias, e.g. 'orders', or use a shorter namespace or discovery name. [ecs-discovery:client-alias-format]"],
            error.Errors);
    }

    // A2: durations that are not whole milliseconds.
    [Fact]
    public void DnsTtl_HalfAMillisecond_FailsWithOurMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsTtl = Duration.Millis(0.5), CustomHealthCheck = new() }));
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': DnsTtl 0.5 ms is out of range: use a whole number of seconds from 0 to 2147483647. Set DnsTtl = Duration.Seconds(n), e.g. Duration.Seconds(10). [ecs-discovery:dns-ttl-range]"],
            error.Errors);
    }

    [Fact]
    public void SoaTtl_FractionalSeconds_FailsWithOurMessage()
    {
        var stack = TestApp.CreateStack();
        var error = Findings.Error(() => new PublicDnsDiscoveryNamespace(stack, "Public", new PublicDnsDiscoveryNamespaceProps { Name = "api.example.com", SoaTtl = Duration.Seconds(1.0005) }));
        Assert.Equal(
            ["PublicDnsDiscoveryNamespace 'TestStack/Public': SoaTtl 1000.5 ms is out of range: use a whole number of seconds from 0 to 2147483647. Set SoaTtl = Duration.Seconds(n), e.g. Duration.Seconds(10). [ecs-discovery:soa-ttl-range]"],
            error.Errors);
    }

    [Fact]
    public void RegistrationDnsTtlAndServiceConnectTimeouts_Fractional_FailInTheParentsOneException()
    {
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsTtl = Duration.Millis(0.5) },
            ServiceConnect = new ServiceConnectOptions
            {
                Namespace = w.Namespace,
                Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", DiscoveryName = "orders-sc", IdleTimeout = Duration.Millis(0.5), PerRequestTimeout = Duration.Seconds(1.0005) }],
            },
        }));
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].IdleTimeout 0.5 ms is not a whole number of seconds. Use Duration.Seconds(n); 0 disables the timeout. [ecs-discovery:service-connect-timeouts]",
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].PerRequestTimeout 1000.5 ms is not a whole number of seconds. Use Duration.Seconds(n); 0 disables the timeout. [ecs-discovery:service-connect-timeouts]",
                "DiscoverableFargateService 'TestStack/Orders': CloudMap.DnsTtl 0.5 ms is out of range: use a whole number of seconds from 0 to 2147483647. Set DnsTtl = Duration.Seconds(n), e.g. Duration.Seconds(10). [ecs-discovery:dns-ttl-range]",
            ],
            error.Errors);
    }

    // A3: null required props.
    [Fact]
    public void NullRequiredProps_FailWithOurMessageNamingEach()
    {
        var w = new Workloads();
        Assert.Equal(
            ["PrivateDnsDiscoveryNamespace 'TestStack/Ns': Name (null) is required. Set Name; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => new PrivateDnsDiscoveryNamespace(w.Stack, "Ns", new PrivateDnsDiscoveryNamespaceProps { Name = null!, Vpc = w.Vpc })).Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Svc': Namespace (null) is required. Set Namespace; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => new DiscoveryService(w.Stack, "Svc", new DiscoveryServiceProps { Namespace = null!, Name = "orders" })).Errors);
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': Cluster (null) is required. Set Cluster; it cannot be null. [ecs-discovery:required-props]",
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].PortMappingName (null) is required. Set ServiceConnect.Endpoints[0].PortMappingName; it cannot be null. [ecs-discovery:required-props]",
            ],
            Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
            {
                Cluster = null!,
                Name = "orders",
                Container = Workloads.WebContainer(),
                ServiceConnect = new ServiceConnectOptions { Namespace = w.Namespace, Endpoints = [new ServiceConnectEndpoint { PortMappingName = null! }] },
            })).Errors);
        Assert.Equal(
            ["PrivateDnsDiscoveryNamespace 'TestStack/Imported': NamespaceArn (null) is required. Set NamespaceArn; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => PrivateDnsDiscoveryNamespace.FromAttributes(w.Stack, "Imported", new DiscoveryNamespaceAttributes { NamespaceId = "ns-abc", NamespaceArn = null!, NamespaceName = "x.example.com" })).Errors);
    }

    // A5: one namespace imported twice.
    [Fact]
    public void OneNamespaceImportedTwice_SameServiceNameInBoth_FailsSynthesis()
    {
        var stack = TestApp.CreateStack();
        var attributes = new DiscoveryNamespaceAttributes { NamespaceId = "ns-ylexjili4cdxy3xm", NamespaceArn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-ylexjili4cdxy3xm", NamespaceName = "internal.example.com" };
        var first = HttpDiscoveryNamespace.FromAttributes(stack, "First", attributes);
        var second = HttpDiscoveryNamespace.FromAttributes(stack, "Second", attributes);
        _ = new DiscoveryService(stack, "A", Fixtures.GoodService(first, "api"));
        _ = new DiscoveryService(stack, "B", Fixtures.GoodService(second, "api"));
        Assert.Contains("DiscoveryService 'TestStack/A' and 'TestStack/B': Name 'api' is used more than once in namespace 'internal.example.com'. Give each service its own name. [ecs-discovery:service-name-unique]", Findings.SynthError(stack).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoDifferentImportedNamespaces_SameServiceName_Synthesize()
    {
        var stack = TestApp.CreateStack();
        var first = HttpDiscoveryNamespace.FromAttributes(stack, "First", new DiscoveryNamespaceAttributes { NamespaceId = "ns-aaaaaaaaaaaaaaaa", NamespaceArn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-aaaaaaaaaaaaaaaa", NamespaceName = "one" });
        var second = HttpDiscoveryNamespace.FromAttributes(stack, "Second", new DiscoveryNamespaceAttributes { NamespaceId = "ns-bbbbbbbbbbbbbbbb", NamespaceArn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-bbbbbbbbbbbbbbbb", NamespaceName = "two" });
        _ = new DiscoveryService(stack, "A", Fixtures.GoodService(first, "api"));
        _ = new DiscoveryService(stack, "B", Fixtures.GoodService(second, "api"));
        Assert.Single(((App)stack.Node.Root).Synth().Stacks);
    }

    // A6: tags from parent scopes.
    [Fact]
    public void FiftyPropTagsPlusOneFromTheStack_FailsSynthesis()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var tags = Enumerable.Range(0, 50).ToDictionary(i => $"k{i}", i => "v");
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", CustomHealthCheck = new(), Tags = tags });
        Tags.Of(stack).Add("team", "payments");
        Assert.Contains(
            "DiscoveryService 'TestStack/Orders': Tags (51 tags in the template: 1 from Tags.Of(...) on a parent scope, 50 from Tags) are too many: use at most 50. Remove tags from the construct or its parent scopes, or exclude this resource type from the parent's tags (TagProps.ExcludeResourceTypes). [ecs-discovery:tags-format]",
            Findings.SynthError(stack).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyTagsProp_IsLikeNoTags_TheTemplatesTagsAreNotReadBack()
    {
        // Reading a resource's tags back costs two jsii calls per construct: done only for constructs given Tags (see EffectiveTags).
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", CustomHealthCheck = new(), Tags = new Dictionary<string, string>() });
        foreach (var i in Enumerable.Range(0, 51))
        {
            Tags.Of(stack).Add($"team{i}", "payments");
        }

        Assert.Single(((App)stack.Node.Root).Synth().Stacks);
    }

    [Fact]
    public void FortyNinePropTagsPlusOneFromTheStack_Synthesizes()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", CustomHealthCheck = new(), Tags = Enumerable.Range(0, 49).ToDictionary(i => $"k{i}", i => "v") });
        Tags.Of(stack).Add("team", "payments");
        Assert.Single(((App)stack.Node.Root).Synth().Stacks);
    }

    // A7: one ECS service name twice in a cluster.
    [Fact]
    public void TwoServicesWithOneNameInOneCluster_FailSynthesisNamingBoth()
    {
        var w = new Workloads();
        _ = w.DnsService("Orders", "orders");
        _ = new DiscoverableFargateService(w.Stack, "OrdersAgain", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = Workloads.WebContainer() });
        Assert.Contains(
            "DiscoverableFargateService 'TestStack/Orders' and 'TestStack/OrdersAgain': Name 'orders' is used by 2 ECS services in cluster 'TestStack/Cluster'. Give each service its own Name. [ecs-discovery:ecs-service-name-unique]",
            Findings.SynthError(w.Stack).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void OneNameInTwoClusters_Synthesizes()
    {
        var w = new Workloads();
        _ = w.DnsService("Orders", "orders");
        var other = new Cluster(w.Stack, "Other", new ClusterProps { Vpc = w.Vpc });
        _ = new DiscoverableFargateService(w.Stack, "OrdersElsewhere", new DiscoverableFargateServiceProps { Cluster = other, Name = "orders", Container = Workloads.WebContainer() });
        Assert.Single(((App)w.Stack.Node.Root).Synth().Stacks);
    }

    // A8: Exec readiness on what the task definition holds at synth.
    [Fact]
    public void CredentialVariableAddedBeforeEnableExec_FailsAtEnableExec()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        service.MainContainer.AddEnvironment("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
        var error = Findings.Error(() => service.EnableExec());
        Assert.Contains("Container 'app' environment AWS_ACCESS_KEY_ID overrides the task role", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialVariableAddedAfterEnableExec_FailsSynthesis()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        service.EnableExec();
        service.MainContainer.AddEnvironment("AWS_SECRET_ACCESS_KEY", "secret");
        Assert.Contains(
            "DiscoverableFargateService 'TestStack/Orders': Container 'app' environment AWS_SECRET_ACCESS_KEY overrides the task role: the SSM agent would sign with these credentials and Exec sessions fail (TargetNotConnectedException) (found at synth, in the task definition as it is then). Remove the variables and grant the container's AWS access through the task role. [ecs-discovery:exec-credential-environment]",
            Findings.SynthError(w.Stack).Message,
            StringComparison.Ordinal);
    }

    // A11: the dual-discovery advice when DualDiscovery is already on.
    [Fact]
    public void ExplicitDiscoveryNameEqualToTheDualDnsName_AdviceFitsDualDiscovery()
    {
        var w = new Workloads();
        _ = ScServer(w.Stack, w.Cluster, w.Namespace, "Payments", "payments", dual: true, new ServiceConnectEndpoint { PortMappingName = "http", DiscoveryName = "payments", DnsName = "payments-sc" });
        var message = Findings.SynthError(w.Stack).Message;
        Assert.Contains("Rename one of them, or leave that endpoint's DiscoveryName unset so DualDiscovery derives '<name>-sc'. [ecs-discovery:discovery-name-unique]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("or use DualDiscovery", message, StringComparison.Ordinal);
    }

    // A12: errors of the Cloud Map service the registration creates.
    [Fact]
    public void RegistrationErrors_AreReportedOnTheParentInOneException()
    {
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            DesiredCount = -2,
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace, Name = "bad name", DnsTtl = Duration.Millis(1500) },
        }));
        Assert.Equal("TestStack/Orders", error.ConstructPath);
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': DesiredCount -2 is negative: use 0 or more. Use the number of tasks to run, e.g. 2 (0 stops the service). [ecs-discovery:desired-count]",
                "DiscoverableFargateService 'TestStack/Orders': CloudMap.Name 'bad name' is invalid: use dot-separated labels of 1-63 letters, digits, '_' or '-', not starting or ending with '-' (a one-character label is a letter or digit). Use a DNS-style name such as 'orders' or '_orders._tcp'. [ecs-discovery:service-name]",
                "DiscoverableFargateService 'TestStack/Orders': CloudMap.DnsTtl 1500 ms is out of range: use a whole number of seconds from 0 to 2147483647. Set DnsTtl = Duration.Seconds(n), e.g. Duration.Seconds(10). [ecs-discovery:dns-ttl-range]",
            ],
            error.Errors);
        Assert.Null(w.Stack.Node.TryFindChild("Orders/CloudMap"));
    }

    [Fact]
    public void DerivedCloudMapName_TooLong_NamesTheEcsName()
    {
        var w = new Workloads();
        var name = new string('o', 130);
        var error = Findings.Error(() => w.DnsService("Orders", name));
        Assert.Contains($"DiscoverableFargateService 'TestStack/Orders': Name '{name}' (Name is also the Cloud Map service name unless CloudMap.Name is set) has 130 characters: use 1-127.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContainerChangesAfterTheServiceIsCreated_ReachTheTemplate()
    {
        // Reading the task definition for the rules must never freeze its rendered containers (the CDK caches them).
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        var app = task.AddContainer("app", Workloads.WebContainer());
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            TaskDefinition = task,
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
            Exec = new EcsDiscoveryConstructs.Exec.ExecOptions(),
        });
        app.AddEnvironment("LATE", "1");
        task.AddContainer("sidecar", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("busybox") });
        service.EnableExec();
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::TaskDefinition", new Dictionary<string, object>
        {
            ["ContainerDefinitions"] = new object[]
            {
                Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["Name"] = "app", ["Environment"] = new object[] { new Dictionary<string, object> { ["Name"] = "LATE", ["Value"] = "1" } } }),
                Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["Name"] = "sidecar" }),
            },
        });
    }

    [Fact]
    public void ClusterDefaultNamespaceWithAnInvalidName_FailsWhenAServiceRunsInTheCluster()
    {
        // Found by the generator suite: the CDK does not check the names of the namespaces it creates.
        var w = new Workloads();
        w.Cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions { Name = "bad name.local", Vpc = w.Vpc, UseForServiceConnect = true });
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
        }));
        Assert.Equal(
            ["PrivateDnsNamespace 'TestStack/Cluster/DefaultServiceDiscoveryNamespace': Name 'bad name.local' is not a DNS name: use dot-separated labels of 1-63 letters, digits, '-' or '_', not starting or ending with '-'. Use a domain such as 'internal.example.com'. [ecs-discovery:namespace-name]"],
            error.Errors);
    }
}

using Amazon.CDK.AWS.ECS;
using CsCheck;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;
using Xunit.Abstractions;
using static EcsDiscoveryConstructs.Tests.Properties.Values;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>Generated discoverable Fargate services: Cloud Map registration, Service Connect, dual discovery, scaling, Exec and ConnectTo.</summary>
public class FargateServiceProperties(ITestOutputHelper output)
{
    public sealed record CloudMapCase(string? Name, int? Records, double? DnsTtlMs, bool CustomHealth);

    public sealed record EndpointCase(string? DiscoveryName, string? DnsName, int? Port, double? IdleMs, double? PerRequestMs);

    public sealed record ServiceCase(string Name, int Desired, int? ScaleMin, int? ScaleMax, CloudMapCase? CloudMap, EndpointCase? Endpoint, bool ClientOnly, bool Dual, string Exec, bool Tcp, int Port, (int Min, int Max) Deployment, (int Cpu, int Memory) Size, string? Strategy);

    public sealed record AppCase(string NamespaceKind, string NamespaceName, ServiceCase[] Services, bool Connect, int StackTags, string FargateProviders);

    private static readonly Gen<string?> OptionalName = Mostly(Gen.Const(default(string)), Name.Select(n => (string?)n));

    private static readonly Gen<double?> OptionalMillis = Mostly(Gen.Const(default(double?)), Millis);

    private static readonly Gen<CloudMapCase?> CloudMap = Gen.Frequency(
        (1, Gen.Const(default(CloudMapCase))),
        (2, Gen.Select(OptionalName, Records, Millis, Mostly(Gen.Const(true), Gen.Const(false))).Select(t => (CloudMapCase?)new CloudMapCase(t.Item1, t.Item2, t.Item3, t.Item4))));

    private static readonly Gen<EndpointCase?> Endpoint = Gen.Frequency(
        (1, Gen.Const(default(EndpointCase))),
        (2, Gen.Select(OptionalName, OptionalName, Mostly(Gen.Const(default(int?)), Gen.OneOf<int?>(0, 80, 65535, 65536)), OptionalMillis, OptionalMillis)
            .Select(t => (EndpointCase?)new EndpointCase(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5))));

    private static readonly Gen<ServiceCase> Service =
        Gen.Select(Name, Count, Mostly(Gen.Const(default(int?)), Count.Select(c => (int?)c)), Count, CloudMap, Endpoint)
            .SelectMany(t => Gen.Select(Mostly(Gen.Const(false), Gen.Const(true)), Mostly(Gen.Const(false), Gen.Const(true)), Mostly(Gen.OneOf("Off", "On"), Gen.OneOf("ReadonlyRoot", "Credentials", "LateCredentials")), Gen.OneOf(false, false, true), Gen.OneOf(80, 8080, 65535), Mostly(Gen.Const((100, 200)), Gen.OneOf((50, 200), (0, 100), (100, 100), (101, 200), (-1, 200), (50, 99), (100, 150), (67, 120), (99, 100), (95, 105), (75, 100))))
                .SelectMany(u => Mostly(Gen.Const((256, 512)), Gen.OneOf((512, 4096), (1024, 1024), (300, 512), (4096, 31744), (16384, 122880), (8192, 17408)))
                    .SelectMany(size => Mostly(Gen.Const(default(string)), Gen.OneOf<string?>("spot", "base+spot", "weight1001", "zero", "ec2"))
                        .Select(strategy => new ServiceCase(t.Item1, t.Item2, t.Item3, t.Item3 is null ? null : t.Item4, t.Item5, t.Item6, u.Item1, u.Item2, u.Item3, u.Item4, u.Item5, u.Item6, size, strategy)))));

    private static readonly Gen<AppCase> Case =
        Gen.OneOf("Private", "Http", "ClusterDefault")
            .SelectMany(kind => Gen.Select(kind == "Http" ? HttpNamespaceName : DnsNamespaceName, Service.Array[1, 2], Gen.OneOf(false, true), Mostly(Gen.Const(0), Gen.Const(1)), Gen.OneOf("none", "before", "after"))
                .Select(t => new AppCase(kind, t.Item1, t.Item2, t.Item3, t.Item4, t.Item5)));

    [Fact]
    public void GeneratedFargateServices_FailWithOurErrorOrSynthesizeWhatAwsAccepts()
        => PropertyRun.Run(Case, defaultCases: 120, Judge, output);

    private static SynthOutcome.Kind Judge(AppCase c)
    {
        var app = TestApp.Create();
        var stack = TestApp.CreateStack(app, "TestStack");
        return SynthOutcome.Judge(app, () =>
        {
            var vpc = TestApp.ImportedVpc(stack);
            var cluster = new Cluster(stack, "Cluster", new ClusterProps { Vpc = vpc });
            IDiscoveryNamespace? ns = c.NamespaceKind switch
            {
                "Private" => new PrivateDnsDiscoveryNamespace(stack, "Namespace", new PrivateDnsDiscoveryNamespaceProps { Name = Str(c.NamespaceName), Vpc = vpc }),
                "Http" => new HttpDiscoveryNamespace(stack, "Namespace", new HttpDiscoveryNamespaceProps { Name = Str(c.NamespaceName) }),
                _ => null,
            };
            if (ns is null)
            {
                cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions { Name = Str(c.NamespaceName), Vpc = vpc, UseForServiceConnect = true });
            }

            if (c.FargateProviders == "before")
            {
                cluster.EnableFargateCapacityProviders();
            }

            var services = c.Services.Select((s, i) => Create(stack, cluster, ns, s, i)).ToList();
            if (c.FargateProviders == "after")
            {
                cluster.EnableFargateCapacityProviders();
            }

            if (c.Connect && services.Count == 2)
            {
                services[0].ConnectTo(services[1]);
            }

            for (var i = 0; i < c.StackTags; i++)
            {
                Amazon.CDK.Tags.Of(stack).Add($"stack{i}", "v");
            }
        });
    }

    private static DiscoverableFargateService Create(Amazon.CDK.Stack stack, Cluster cluster, IDiscoveryNamespace? ns, ServiceCase s, int index)
    {
        var service = new DiscoverableFargateService(stack, $"Service{index}", new DiscoverableFargateServiceProps
        {
            Cluster = cluster,
            Name = Str(s.Name),
            Container = new ContainerDefinitionOptions
            {
                ContainerName = "app",
                Image = ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:1.27"),
                PortMappings = [new PortMapping { Name = "http", ContainerPort = s.Port, AppProtocol = s.Tcp ? null : AppProtocol.Http }],
                ReadonlyRootFilesystem = s.Exec == "ReadonlyRoot" ? true : null,
                Environment = s.Exec == "Credentials" ? new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIAEXAMPLE" } : null,
            },
            Cpu = s.Size.Cpu,
            MemoryLimitMiB = s.Size.Memory,
            DesiredCount = s.Desired,
            MinHealthyPercent = s.Deployment.Min,
            MaxHealthyPercent = s.Deployment.Max,
            Scaling = s.ScaleMin is { } min ? new TaskScalingOptions { MinCapacity = min, MaxCapacity = s.ScaleMax ?? min } : null,
            // With the cluster's default namespace (ns null), the registration goes there.
            CloudMap = s.CloudMap is { } cm
                ? new CloudMapRegistrationOptions { Namespace = ns, Name = cm.Name is null ? null : Str(cm.Name), DnsRecords = (DiscoveryRecordTypes?)cm.Records, DnsTtl = Duration(cm.DnsTtlMs), CustomHealthCheck = cm.CustomHealth }
                : null,
            ServiceConnect = s.Endpoint is { } e
                ? new ServiceConnectOptions
                {
                    Namespace = ns,
                    Endpoints = s.ClientOnly ? [] : [new ServiceConnectEndpoint { PortMappingName = "http", DiscoveryName = e.DiscoveryName is null ? null : Str(e.DiscoveryName), DnsName = e.DnsName is null ? null : Str(e.DnsName), Port = e.Port, IdleTimeout = Duration(e.IdleMs), PerRequestTimeout = Duration(e.PerRequestMs) }],
                }
                : null,
            DualDiscovery = s.Dual,
            Exec = s.Exec == "Off" ? null : new ExecOptions { EnableInitProcess = true },
            CapacityProviderStrategies = s.Strategy switch
            {
                "spot" => [new CapacityProviderStrategy { CapacityProvider = "FARGATE_SPOT", Weight = 1 }],
                "base+spot" => [new CapacityProviderStrategy { CapacityProvider = "FARGATE", Base = 1, Weight = 1 }, new CapacityProviderStrategy { CapacityProvider = "FARGATE_SPOT", Weight = 3 }],
                "weight1001" => [new CapacityProviderStrategy { CapacityProvider = "FARGATE", Weight = 1001 }],
                "zero" => [new CapacityProviderStrategy { CapacityProvider = "FARGATE", Weight = 0 }],
                "ec2" => [new CapacityProviderStrategy { CapacityProvider = "my-asg-provider", Weight = 1 }],
                _ => null,
            },
        });
        if (s.Exec == "LateCredentials")
        {
            service.MainContainer.AddEnvironment("AWS_SECRET_ACCESS_KEY", "secret");
        }

        return service;
    }
}

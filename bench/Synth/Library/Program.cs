using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;

// The same benchmark stack written with EcsDiscoveryConstructs: every service validated, Cloud Map + Service
// Connect through DualDiscovery-style naming, Exec with scoped grants.
var n = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var clock = System.Diagnostics.Stopwatch.StartNew();
var app = new App(new AppProps { Outdir = args[1], AnalyticsReporting = false });
var stack = new Stack(app, "Bench");
var vpc = new Vpc(stack, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 1 });
var ns = new PrivateDnsDiscoveryNamespace(stack, "Ns", new PrivateDnsDiscoveryNamespaceProps { Name = "bench.internal", Vpc = vpc });
var cluster = new Cluster(stack, "Cluster", new ClusterProps { Vpc = vpc });
for (var i = 0; i < n; i++)
{
    _ = new DiscoverableFargateService(stack, $"Service{i}", new DiscoverableFargateServiceProps
    {
        Cluster = cluster,
        Name = $"svc{i}",
        Container = new ContainerDefinitionOptions
        {
            ContainerName = "app",
            Image = ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:1.27-alpine"),
            PortMappings = [new PortMapping { Name = "http", ContainerPort = 80, AppProtocol = AppProtocol.Http }],
        },
        DesiredCount = 2,
        ServiceConnect = new ServiceConnectOptions { Namespace = ns, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", Port = 80 }] },
        DualDiscovery = true,
        Exec = new ExecOptions { EnableInitProcess = true },
    });
}

var built = clock.Elapsed.TotalSeconds;
app.Synth();
if (System.Environment.GetEnvironmentVariable("BENCH_PHASES") == "1") { System.Console.Error.WriteLine($"construct {built:0.00}s synth {clock.Elapsed.TotalSeconds - built:0.00}s"); }

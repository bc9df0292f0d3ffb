using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.ServiceDiscovery;

// The benchmark stack written with plain CDK L2s: a VPC, a private DNS namespace, a cluster and N Fargate services,
// each with Cloud Map registration (A, 10 s, custom health), Service Connect and ECS Exec.
var n = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var clock = System.Diagnostics.Stopwatch.StartNew();
var app = new App(new AppProps { Outdir = args[1], AnalyticsReporting = false });
var stack = new Stack(app, "Bench");
var vpc = new Vpc(stack, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 1 });
var ns = new PrivateDnsNamespace(stack, "Ns", new PrivateDnsNamespaceProps { Name = "bench.internal", Vpc = vpc });
var cluster = new Cluster(stack, "Cluster", new ClusterProps { Vpc = vpc });
for (var i = 0; i < n; i++)
{
    var task = new FargateTaskDefinition(stack, $"Task{i}", new FargateTaskDefinitionProps { Cpu = 256, MemoryLimitMiB = 512 });
    task.AddContainer("App", new ContainerDefinitionOptions
    {
        ContainerName = "app",
        Image = ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:1.27-alpine"),
        PortMappings = [new PortMapping { Name = "http", ContainerPort = 80, AppProtocol = AppProtocol.Http }],
        Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = new LogGroup(stack, $"Logs{i}", new LogGroupProps { Retention = RetentionDays.ONE_MONTH }), StreamPrefix = $"svc{i}" }),
        LinuxParameters = new LinuxParameters(stack, $"Linux{i}", new LinuxParametersProps { InitProcessEnabled = true }),
    });
    _ = new FargateService(stack, $"Service{i}", new FargateServiceProps
    {
        Cluster = cluster,
        TaskDefinition = task,
        ServiceName = $"svc{i}",
        DesiredCount = 2,
        EnableExecuteCommand = true,
        MinHealthyPercent = 100,
        MaxHealthyPercent = 200,
        CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
        CloudMapOptions = new CloudMapOptions { CloudMapNamespace = ns, Name = $"svc{i}", DnsRecordType = DnsRecordType.A, DnsTtl = Duration.Seconds(10), FailureThreshold = 1 },
        ServiceConnectConfiguration = new ServiceConnectProps
        {
            Namespace = ns.NamespaceArn,
            Services = [new ServiceConnectService { PortMappingName = "http", DiscoveryName = $"svc{i}-sc", DnsName = $"svc{i}.bench.internal", Port = 80 }],
        },
    });
}

var built = clock.Elapsed.TotalSeconds;
app.Synth();
if (System.Environment.GetEnvironmentVariable("BENCH_PHASES") == "1") { System.Console.Error.WriteLine($"construct {built:0.00}s synth {clock.Elapsed.TotalSeconds - built:0.00}s"); }

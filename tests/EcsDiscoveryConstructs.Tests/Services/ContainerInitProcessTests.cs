using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.Assertions;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Services;

/// <summary>The init process Exec asks for, given to the containers the service completes, whatever logging or Linux parameters they bring.</summary>
public class ContainerInitProcessTests
{

    private static bool InitProcessEnabled(JsonObject container)
        => container["LinuxParameters"]?["InitProcessEnabled"]?.GetValue<bool>() == true;

    private static ContainerDefinitionOptions LoggedContainer(Stack stack) => new()
    {
        ContainerName = "app",
        Image = ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:1.27"),
        PortMappings = [new PortMapping { Name = "http", ContainerPort = 8080, AppProtocol = AppProtocol.Http }],
        Logging = LogDriver.AwsLogs(new AwsLogDriverProps { StreamPrefix = "own", LogGroup = new LogGroup(stack, "OwnLogs") }),
    };

    private static DiscoverableFargateService ExecWithInitProcess(Workloads w, ContainerDefinitionOptions container) => new(w.Stack, "Orders", new DiscoverableFargateServiceProps
    {
        Cluster = w.Cluster,
        Name = "orders",
        Container = container,
        CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
        Exec = new ExecOptions { EnableInitProcess = true },
    });

    [Fact]
    public void AContainerWithItsOwnLogging_StillGetsTheInitProcessExecAsksFor_AndKeepsItsLogging()
    {
        var w = new Workloads();
        var options = LoggedContainer(w.Stack);
        _ = ExecWithInitProcess(w, options);
        var container = Templates.OnlyContainer(w.Stack);
        Assert.True(InitProcessEnabled(container));
        var logOptions = container["LogConfiguration"]!["Options"]!.AsObject();
        Assert.Equal("own", Templates.Str(logOptions["awslogs-stream-prefix"]));
        Template.FromStack(w.Stack).ResourceCountIs("AWS::Logs::LogGroup", 1);
        Assert.Null(options.LinuxParameters);
    }

    [Fact]
    public void AContainerWithItsOwnLinuxParameters_GetsTheInitProcessThroughTheTaskDefinition()
    {
        var w = new Workloads();
        var container = Workloads.WebContainer();
        container.LinuxParameters = new LinuxParameters(w.Stack, "Linux", new LinuxParametersProps());
        _ = ExecWithInitProcess(w, container);
        Assert.True(InitProcessEnabled(Templates.OnlyContainer(w.Stack)));
        Assert.Empty(Findings.Warnings(w.Stack, "exec-init-process"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ExecTurnedOnAfterCreation_RunsTheInitProcessOnlyWhenAsked(bool initProcess)
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        service.EnableExec(new ExecOptions { EnableInitProcess = initProcess });
        Assert.Equal(initProcess, InitProcessEnabled(Templates.OnlyContainer(w.Stack)));
    }

}

using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ExecCredentialEnvironmentTests
{
    [Fact]
    public void OrdinaryEnvironment_Passes()
    {
        var w = new Workloads();
        var container = Workloads.WebContainer();
        container.Environment = new Dictionary<string, string> { ["AWS_REGION"] = "us-east-1" };
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = container, Exec = new ExecOptions { EnableInitProcess = true } });
        Assert.True(service.ExecEnabled);
    }

    [Fact]
    public void AccessKeyVariables_FailWithMessage()
    {
        var w = new Workloads();
        var container = Workloads.WebContainer();
        container.Environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIAEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret" };
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = container, Exec = new ExecOptions() }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': Container 'app' environment AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY overrides the task role: the SSM agent would sign with these credentials and Exec sessions fail (TargetNotConnectedException). Remove the variables and grant the container's AWS access through the task role. [ecs-discovery:exec-credential-environment]",
            error.Message);
    }

    [Fact]
    public void AccessKeyInExistingTaskDefinition_Fails()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        var container = Workloads.WebContainer();
        container.Environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY"] = "AKIAEXAMPLE" };
        task.AddContainer("App", container);
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", TaskDefinition = task, Exec = new ExecOptions() }));
        Assert.Equal(["DiscoverableFargateService 'TestStack/Orders': Container 'app' environment AWS_ACCESS_KEY overrides the task role: the SSM agent would sign with these credentials and Exec sessions fail (TargetNotConnectedException). Remove the variables and grant the container's AWS access through the task role. [ecs-discovery:exec-credential-environment]"], error.Errors);
    }

    [Fact]
    public void AccessKeyWithoutExec_IsNotThisRulesConcern()
    {
        var w = new Workloads();
        var container = Workloads.WebContainer();
        container.Environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIAEXAMPLE" };
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = container });
        Assert.False(service.ExecEnabled);
    }

    private static Amazon.CDK.AWS.ECS.Secret Parameter(Amazon.CDK.Stack stack)
        => Amazon.CDK.AWS.ECS.Secret.FromSsmParameter(Amazon.CDK.AWS.SSM.StringParameter.FromSecureStringParameterAttributes(stack, "Key", new Amazon.CDK.AWS.SSM.SecureStringParameterAttributes { ParameterName = "/orders/key" }));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnAccessKeyAsASecret_BesideOrdinaryVariables_Fails_InOptionsAndInAGivenTaskDefinition(bool taskDefinition)
    {
        var w = new Workloads();
        var container = Workloads.WebContainer();
        container.Environment = new Dictionary<string, string> { ["AWS_REGION"] = "us-east-1" };
        container.Secrets = new Dictionary<string, Amazon.CDK.AWS.ECS.Secret> { ["AWS_SECRET_ACCESS_KEY"] = Parameter(w.Stack) };
        var props = new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = container, Exec = new ExecOptions() };
        if (taskDefinition)
        {
            var task = new FargateTaskDefinition(w.Stack, "Task");
            task.AddContainer("App", container);
            props = new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", TaskDefinition = task, Exec = new ExecOptions() };
        }

        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", props));
        Assert.Equal(["DiscoverableFargateService 'TestStack/Orders': Container 'app' environment AWS_SECRET_ACCESS_KEY overrides the task role: the SSM agent would sign with these credentials and Exec sessions fail (TargetNotConnectedException). Remove the variables and grant the container's AWS access through the task role. [ecs-discovery:exec-credential-environment]"], error.Errors);
    }

    [Fact]
    public void AnAccessKeyAddedAfterCreation_FailsWhenExecIsTurnedOn()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        service.MainContainer.AddSecret("AWS_SECRET_ACCESS_KEY", Parameter(w.Stack));
        var error = Findings.Error(() => service.EnableExec(new ExecOptions { EnableInitProcess = true }));
        Assert.Single(error.Errors);
        Assert.Contains("Container 'app' environment AWS_SECRET_ACCESS_KEY overrides the task role", error.Errors[0], StringComparison.Ordinal);
    }

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
}

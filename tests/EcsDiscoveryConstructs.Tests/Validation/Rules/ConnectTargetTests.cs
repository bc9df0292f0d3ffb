using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ConnectTargetTests
{
    [Fact]
    public void DnsTarget_GetsHostPortAndSecurityGroupRule()
    {
        var w = new Workloads();
        var backend = w.DnsService("Backend", "backend");
        var frontend = new DiscoverableFargateService(w.Stack, "Frontend", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "frontend", Container = Workloads.WebContainer() });
        var connection = frontend.ConnectTo(backend);
        Assert.Equal(ConnectionMode.Dns, connection.Mode);
        Assert.Equal(
            new Dictionary<string, string> { ["BACKEND_HOST"] = "backend.internal.example.com", ["BACKEND_PORT"] = "8080", ["BACKEND_ENDPOINT"] = "backend.internal.example.com:8080" },
            connection.Environment);
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::EC2::SecurityGroupIngress", new Dictionary<string, object> { ["FromPort"] = 8080, ["ToPort"] = 8080, ["IpProtocol"] = "tcp" });
    }

    [Fact]
    public void UndiscoverableTarget_FailsWithMessageNamingBoth()
    {
        var w = new Workloads();
        var backend = new DiscoverableFargateService(w.Stack, "Backend", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "backend", Container = Workloads.WebContainer() });
        var frontend = new DiscoverableFargateService(w.Stack, "Frontend", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "frontend", Container = Workloads.WebContainer() });
        var error = Findings.Error(() => frontend.ConnectTo(backend));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Frontend': target 'TestStack/Backend' is not discoverable: it has neither Service Connect endpoints nor a Cloud Map registration. Give the target ServiceConnect endpoints or a CloudMap registration. [ecs-discovery:connect-target]",
            error.Message);
    }

    [Fact]
    public void BadPrefixAndSelf_Fail()
    {
        var w = new Workloads();
        var backend = w.DnsService("Backend", "backend");
        var error = Findings.Error(() => backend.ConnectTo(backend, "backend-url"));
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Backend': target 'TestStack/Backend' is the calling service itself. Connect to another service. [ecs-discovery:connect-target]",
                "DiscoverableFargateService 'TestStack/Backend': variablePrefix 'backend-url' is not an environment-variable name: use upper-case letters, digits and '_', not starting with a digit. Use e.g. 'INVENTORY'. [ecs-discovery:connect-target]",
            ],
            error.Errors);
    }

    [Fact]
    public void CloudMapTargetWithoutAPort_FailsAsHavingNothingToConnectTo()
    {
        var w = new Workloads();
        var backend = new DiscoverableFargateService(w.Stack, "Backend", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "backend",
            Container = new Amazon.CDK.AWS.ECS.ContainerDefinitionOptions { ContainerName = "app", Image = Amazon.CDK.AWS.ECS.ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:1.27") },
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsRecords = EcsDiscoveryConstructs.CloudMap.DiscoveryRecordTypes.A },
        });
        var frontend = new DiscoverableFargateService(w.Stack, "Frontend", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "frontend", Container = Workloads.WebContainer() });
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Frontend': target 'TestStack/Backend' has no container port to connect to. Add a port mapping to the target's container. [ecs-discovery:connect-target]"],
            Findings.Error(() => frontend.ConnectTo(backend)).Errors);
    }

    [Fact]
    public void ConnectingToNull_IsRefusedByName()
    {
        var w = new Workloads();
        var web = w.DnsService("Web", "web");
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => web.ConnectTo(null!)).ParamName);
    }

    [Fact]
    public void ATargetNameWithHyphens_GivesUnderscoredVariables_AndASidOfLettersOnly()
    {
        var w = new Workloads();
        var http = Fixtures.HttpNamespace(w.Stack);
        var target = w.DnsService("OrderApi", "order-api", new CloudMapRegistrationOptions { Namespace = http });
        var web = new DiscoverableFargateService(w.Stack, "Web", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "web", Container = Workloads.WebContainer() });
        var connection = web.ConnectTo(target);
        Assert.Equal(["ORDER_API_NAMESPACE", "ORDER_API_SERVICE"], connection.Environment.Keys.Order(StringComparer.Ordinal));
        var sids = Templates.OfType(w.Stack, "AWS::IAM::Policy").Values.SelectMany(Templates.Statements)
            .Where(st => st.ContainsKey("Sid"))
            .Select(st => Templates.Str(st["Sid"]));
        Assert.Contains("DiscoverORDERAPI", sids);
    }
}

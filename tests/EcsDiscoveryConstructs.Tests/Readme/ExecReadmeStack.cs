using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Constructs;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Readme;

/// <summary>The README's ECS Exec example, compiled and synthesized here (the region between the markers is the README block).</summary>
internal sealed class ExecReadmeStack : Stack
{
    public ExecReadmeStack(Construct scope, string id)
        : base(scope, id)
    {
        var vpc = TestApp.ImportedVpc(this);
        // README exec example: begin
        var audit = new ExecAudit(this, "ExecAudit", new ExecAuditProps { S3Bucket = true });
        var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc, ExecuteCommandConfiguration = audit.ClusterConfiguration });
        var orders = new DiscoverableFargateService(this, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = cluster,
            Name = "orders",
            Container = new ContainerDefinitionOptions
            {
                ContainerName = "app",
                Image = ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:1.27-alpine"),
                PortMappings = [new PortMapping { Name = "http", ContainerPort = 80 }],
            },
            Exec = new ExecOptions { EnableInitProcess = true }, // or later: orders.EnableExec(...)
        });
        var operators = new ExecOperatorRole(this, "Operators", new ExecOperatorRoleProps
        {
            Cluster = cluster,
            AssumedBy = new AccountPrincipal("123456789012"),
            ContainerNames = ["app"],
        });
        // README exec example: end
        Orders = orders;
        Operators = operators;
    }

    public DiscoverableFargateService Orders { get; }

    public ExecOperatorRole Operators { get; }
}

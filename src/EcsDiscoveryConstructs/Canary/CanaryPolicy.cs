using Amazon.CDK;
using Amazon.CDK.AWS.IAM;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>
/// The canary role's statements: only the calls it makes, each on the narrowest resource the API takes
/// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudmap.html). On <c>*</c> only what
/// has no resource-level permissions: Cloud Map ListNamespaces and ListServices, EC2 DescribeNetworkInterfaces and
/// DescribeSubnets (Lambda's network interfaces in the VPC).
/// </summary>
internal static class CanaryPolicy
{
    /// <summary>Why the role has wildcards (a cdk-nag AwsSolutions-IAM5 acknowledgement).</summary>
    public const string WildcardReason =
        "Cloud Map ListNamespaces/ListServices and EC2 DescribeNetworkInterfaces/DescribeSubnets have no resource-level permissions; "
        + "network-interface/* is where Lambda creates the function's interfaces (their ids are not known before); service/* appears only for "
        + "Service Connect services, which ECS creates at deployment, or past 50 checked services, whose ARNs IAM's policy size quota cannot hold, "
        + "and DiscoverInstances stays limited to the checked namespaces by name; "
        + "ECS service/CLUSTER/* and task/CLUSTER/* are the services and tasks of the checked clusters (task ids exist only at run time), "
        + "and ecs:ListTasks has no resource of its own: it is limited by the ecs:cluster condition.";

    public static void AddNetworkAndLogs(Role role, Stack stack, string[] subnetIds, string securityGroupId, string logGroupArn)
    {
        string Ec2(string resource, string id) => stack.FormatArn(new ArnComponents { Service = "ec2", Resource = resource, ResourceName = id, ArnFormat = ArnFormat.SLASH_RESOURCE_NAME });
        var interfaces = Ec2("network-interface", "*");
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteOwnLogs",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resources = [logGroupArn],
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CreateInterfacesInCanarySubnets",
            Actions = ["ec2:CreateNetworkInterface"],
            Resources = [interfaces, .. subnetIds.Select(id => Ec2("subnet", id)), Ec2("security-group", securityGroupId)],
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ManageNetworkInterfaces",
            Actions = ["ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"],
            Resources = [interfaces],
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DescribeNetworkNoResourceLevel",
            Actions = ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"],
            Resources = ["*"],
        }));
    }

    /// <summary>
    /// ECS reads for deployment-aware checks and causes, on the clusters of the services it checks: DescribeServices and
    /// ListServiceDeployments on their services, DescribeTasks on their tasks, ListTasks with the <c>ecs:cluster</c>
    /// condition (it has no resource of its own to scope by). A cluster the template gives another way than by name or
    /// Ref widens these to the account's services and tasks of the Region.
    /// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html)
    /// </summary>
    public static void AddEcsReads(Role role, Stack stack, CanaryModel model)
    {
        if (model.Clusters.Count == 0)
        {
            return;
        }

        string Arn(string resource, string name) => stack.FormatArn(new ArnComponents { Service = "ecs", Resource = resource, ResourceName = name, ArnFormat = ArnFormat.SLASH_RESOURCE_NAME });
        var names = model.Clusters.Select(c => c ?? "*").Distinct(StringComparer.Ordinal).ToList();
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadRegisteringEcsServices",
            Actions = ["ecs:DescribeServices", "ecs:ListServiceDeployments"],
            Resources = [.. names.Select(n => Arn("service", $"{n}/*"))],
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadRegisteringEcsTasks",
            Actions = ["ecs:DescribeTasks"],
            Resources = [.. names.Select(n => Arn("task", $"{n}/*"))],
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ListTasksOfTheseClusters",
            Actions = ["ecs:ListTasks"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object> { ["ArnEquals"] = new Dictionary<string, object> { ["ecs:cluster"] = names.Select(n => Arn("cluster", n)).ToArray() } },
        }));
    }

    /// <summary>
    /// CloudFormation reads of the canary's own stack: DescribeStacks (has the template changed?), GetTemplate (what must
    /// be true) and ListStackResources (the physical ids), on that stack's ARN only.
    /// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudformation.html: resource type stack)
    /// </summary>
    public static void AddStackReads(Role role, Stack stack)
        => role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadOwnStack",
            Actions = ["cloudformation:DescribeStacks", "cloudformation:GetTemplate", "cloudformation:ListStackResources"],
            Resources = [stack.FormatArn(new ArnComponents { Service = "cloudformation", Resource = "stack", ResourceName = $"{Aws.STACK_NAME}/*", ArnFormat = ArnFormat.SLASH_RESOURCE_NAME })],
        }));

    public static void AddCloudMapReads(Role role, Stack stack, CanaryModel model)
    {
        string Arn(string resource, string id) => stack.FormatArn(new ArnComponents { Service = "servicediscovery", Resource = resource, ResourceName = id, ArnFormat = ArnFormat.SLASH_RESOURCE_NAME });
        var services = model.NamesEachService ? model.Services.Where(s => !s.ServiceConnect).Select(s => Arn("service", s.Id!)).ToList() : [Arn("service", "*")];
        if (model.Services.Any(s => s.ServiceConnect) && model.NamesEachService)
        {
            // ECS creates the Cloud Map service of a Service Connect endpoint: its id exists only after the deployment.
            services.Add(Arn("service", "*"));
        }

        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ListNoResourceLevel",
            Actions = ["servicediscovery:ListNamespaces", "servicediscovery:ListServices"],
            Resources = ["*"],
        }));
        if (services.Count == 0)
        {
            return;
        }

        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadCheckedServices",
            Actions = ["servicediscovery:ListInstances"],
            Resources = [.. services],
        }));
        var own = model.Namespaces.Where(n => !n.Imported).ToList();
        if (own.Count > 0)
        {
            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "DiscoverInCheckedNamespaces",
                Actions = ["servicediscovery:DiscoverInstances"],
                Resources = [.. own.Select(n => n.Arn(stack)), .. services],
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["servicediscovery:NamespaceName"] = own.Select(n => n.Name).Distinct().ToArray() },
                },
            }));
        }

        // A namespace used by id or ARN has no name the stack knows: it is scoped by its ARN alone (the owner's, when shared).
        var imported = model.Namespaces.Where(n => n.Imported).ToList();
        if (imported.Count > 0)
        {
            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "DiscoverInImportedNamespaces",
                Actions = ["servicediscovery:DiscoverInstances"],
                Resources = [.. imported.Select(n => n.Arn(stack)), .. services],
            }));
        }
    }
}

using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Exec;

/// <summary>
/// Who may open a shell, and where: a managed policy (attachable to other roles or groups too) and a role that
/// allows <c>ecs:ExecuteCommand</c> on one cluster and its tasks only (optionally narrowed to container names or
/// tags), <c>ecs:DescribeTasks</c> / <c>ecs:ListTasks</c> for that cluster, <c>kms:GenerateDataKey</c> on the exec
/// key, and explicitly denies <c>ssm:StartSession</c> on the cluster's tasks.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-best-practices-limit-access-execute-command</remarks>
public sealed class ExecOperatorRole : Construct
{
    /// <summary>Creates the policy and the role.</summary>
    public ExecOperatorRole(Construct scope, string id, ExecOperatorRoleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        RequiredProps.Check(this, nameof(ExecOperatorRole), ("Cluster", props.Cluster), ("AssumedBy", props.AssumedBy));
        RuleRunner.Apply(this, nameof(ExecOperatorRole), props, RuleCatalog.OperatorRules);
        ClusterName = props.Cluster.ClusterName;
        var tasks = Stack.Of(this).FormatArn(new ArnComponents { Service = "ecs", Resource = "task", ResourceName = $"{props.Cluster.ClusterName}/*" });

        var execConditions = new Dictionary<string, object>();
        var equals = new Dictionary<string, object>();
        if (props.ContainerNames is { Count: > 0 } names)
        {
            equals["ecs:container-name"] = names.ToArray();
        }

        foreach (var (key, value) in props.ResourceTags ?? new Dictionary<string, string>())
        {
            equals[$"aws:ResourceTag/{key}"] = value;
        }

        if (equals.Count > 0)
        {
            execConditions["StringEquals"] = equals;
        }

        var statements = new List<PolicyStatement>
        {
            new(new PolicyStatementProps { Sid = "ExecuteCommandOnClusterTasks", Actions = ["ecs:ExecuteCommand"], Resources = [props.Cluster.ClusterArn, tasks], Conditions = execConditions.Count > 0 ? execConditions : null }),
            new(new PolicyStatementProps { Sid = "DescribeClusterTasks", Actions = ["ecs:DescribeTasks"], Resources = [tasks] }),
            new(new PolicyStatementProps
            {
                Sid = "ListClusterTasks",
                Actions = ["ecs:ListTasks"],
                Resources = ["*"],
                Conditions = new Dictionary<string, object> { ["ArnEquals"] = new Dictionary<string, object> { ["ecs:cluster"] = props.Cluster.ClusterArn } },
            }),
            new(new PolicyStatementProps { Sid = "NoDirectSsmSessionsToTasks", Effect = Effect.DENY, Actions = ["ssm:StartSession"], Resources = [tasks] }),
        };
        if ((props.ExecKey ?? props.Cluster.ExecuteCommandConfiguration?.KmsKey) is { } execKey)
        {
            statements.Add(new PolicyStatement(new PolicyStatementProps { Sid = "EncryptSessions", Actions = ["kms:GenerateDataKey"], Resources = [execKey.KeyArn] }));
        }

        Policy = new ManagedPolicy(this, "Policy", new ManagedPolicyProps
        {
            Description = "Open ECS Exec sessions in one cluster's tasks",
            Statements = statements.ToArray(),
        });

        IPrincipal trusted = props.RequireMfa
            ? new PrincipalWithConditions(props.AssumedBy, new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:MultiFactorAuthPresent"] = "true" } })
            : props.AssumedBy;
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = trusted,
            Description = "ECS Exec operator",
            ManagedPolicies = [Policy],
            MaxSessionDuration = props.MaxSessionDuration ?? Duration.Hours(1),
        });
    }

    /// <summary>The operator role.</summary>
    public Role Role { get; }

    /// <summary>The policy behind the role; attach it to other roles, users or groups as well.</summary>
    public ManagedPolicy Policy { get; }

    /// <summary>The cluster's name (a token for clusters created in this app).</summary>
    public string ClusterName { get; }

    /// <summary>The command an operator runs (after assuming <see cref="Role"/>) to open a shell in a task's container.</summary>
    /// <param name="cluster">The deployed cluster's name.</param>
    /// <param name="taskId">The task id (the last part of the task ARN, from <c>aws ecs list-tasks</c>).</param>
    /// <param name="container">The container name.</param>
    /// <param name="command">The command to run.</param>
    public static string ExecuteCommandLine(string cluster, string taskId, string container, string command = "/bin/sh")
        => $"aws ecs execute-command --cluster {cluster} --task {taskId} --container {container} --interactive --command \"{command}\"";
}

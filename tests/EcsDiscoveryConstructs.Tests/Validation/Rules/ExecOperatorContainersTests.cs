using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ExecOperatorContainersTests
{
    private static ExecOperatorRole Role(Workloads w, IReadOnlyList<string>? containers) => new(w.Stack, "Operators", new ExecOperatorRoleProps
    {
        Cluster = w.Cluster,
        AssumedBy = new AccountPrincipal("123456789012"),
        ContainerNames = containers,
    });

    [Fact]
    public void ContainerNames_OneName_IsTheCondition()
    {
        var w = new Workloads();
        _ = Role(w, ["app"]);
        Template.FromStack(w.Stack).HasResourceProperties("AWS::IAM::ManagedPolicy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Sid"] = "ExecuteCommandOnClusterTasks",
                    ["Condition"] = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["ecs:container-name"] = new[] { "app" } } },
                })]),
            }),
        });
    }

    [Fact]
    public void ContainerNames_Empty_FailsInsteadOfAllowingEveryContainer()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Role(w, []));
        Assert.Equal(
            ["ExecOperatorRole 'TestStack/Operators': ContainerNames (empty) would allow every container: an empty list adds no container condition. List the containers operators may open a shell in, or leave ContainerNames unset to allow every container on purpose. [ecs-discovery:exec-operator-containers]"],
            error.Errors);
    }

    [Fact]
    public void ContainerNames_InvalidAndNullEntries_FailWithMessages()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Role(w, ["app server", null!]));
        Assert.Equal(
            [
                "ExecOperatorRole 'TestStack/Operators': ContainerNames entry 'app server' is not a container name: use 1-255 letters, digits, '-' or '_'. Use the container's name from the task definition, e.g. 'app'. [ecs-discovery:exec-operator-containers]",
                "ExecOperatorRole 'TestStack/Operators': ContainerNames entry (null) is not a container name: use 1-255 letters, digits, '-' or '_'. Use the container's name from the task definition, e.g. 'app'. [ecs-discovery:exec-operator-containers]",
            ],
            error.Errors);
    }

    [Fact]
    public void ContainerNames_Unset_AllowsEveryContainerWithoutACondition()
    {
        var w = new Workloads();
        _ = Role(w, null);
        var statements = Templates.OfType(w.Stack, "AWS::IAM::ManagedPolicy").Values.SelectMany(Templates.Statements)
            .Where(s => s["Sid"]?.GetValue<string>() == "ExecuteCommandOnClusterTasks")
            .ToList();
        Assert.False(Assert.Single(statements).ContainsKey("Condition"));
    }
}

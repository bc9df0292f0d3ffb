using Amazon.CDK;
using Amazon.CDK.AWS.IAM;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Roles ECS assumes on the service's behalf (VPC Lattice infrastructure role, lifecycle hook roles) trust <c>ecs.amazonaws.com</c>.</summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/infrastructure_IAM_role.html,
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-permissions.html
/// </remarks>
internal sealed class EcsRoleTrust : IPropsRule<FargateServiceSpec>
{
    private const string Principal = "ecs.amazonaws.com";

    public RuleInfo Info => new(
        "ecs-role-trust",
        RuleLevel.Error,
        "A VpcLattice.InfrastructureRole or lifecycle hook Role created in the app trusts the ecs.amazonaws.com service principal (imported roles are not checked).",
        "ECS assumes these roles to register Lattice targets and to invoke hook functions; with another trust the deployment fails when ECS first needs them.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/infrastructure_IAM_role.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var roles = new List<(string Path, IRole? Role)>();
        if (!subject.HookAdded)
        {
            roles.Add(("VpcLattice.InfrastructureRole", subject.Props.VpcLattice?.InfrastructureRole));
        }

        roles.AddRange(subject.Hooks.Select((h, i) => ($"LifecycleHooks[{subject.HookOffset + i}].Role", h?.Role)));
        foreach (var (path, role) in roles)
        {
            if (role is Role created && created.AssumeRolePolicy is { } trust && !Trusts(created, trust))
            {
                yield return new Violation(path, $"'{created.Node.Path}' does not trust {Principal}: ECS cannot assume it", $"Create it with AssumedBy = new ServicePrincipal(\"{Principal}\"), or leave {path.Split('.')[^1]} unset to get such a role.");
            }
        }
    }

    /// <summary>True when the trust policy names the ECS service principal (as a string or in a list).</summary>
    private static bool Trusts(Role role, PolicyDocument trust)
        => CdkJson.ToNode(Stack.Of(role).Resolve(trust.ToJSON()))?.ToJsonString().Contains($"\"{Principal}\"", StringComparison.Ordinal) == true;
}

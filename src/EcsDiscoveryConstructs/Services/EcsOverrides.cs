using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.ServiceConnect;

namespace EcsDiscoveryConstructs.Services;

/// <summary>ECS properties Amazon.CDK.Lib 2.160.0 cannot express through its L2s; each writes one L1 property path.</summary>
internal static class EcsOverrides
{
    /// <summary>
    /// Sets <c>ContainerDefinitions[index].LinuxParameters.InitProcessEnabled</c>: the L2 fixes linux parameters when the
    /// container is created and offers no way to turn the init process on afterwards.
    /// </summary>
    public static void EnableInitProcess(CfnTaskDefinition taskDefinition, int index)
        => taskDefinition.AddPropertyOverride($"ContainerDefinitions.{index}.LinuxParameters.InitProcessEnabled", true);

    /// <summary>Sets <c>EnableExecuteCommand</c> on the L1 service, without the L2's broader automatic grants (which add <c>kms:*</c> to the key policy).</summary>
    public static void EnableExecuteCommand(CfnService service) => service.EnableExecuteCommand = true;

    /// <summary>Sets <c>ServiceConnectConfiguration.Services[index].Tls</c> (not in the 2.160.0 L2).</summary>
    public static void SetServiceConnectTls(CfnService service, int index, ServiceConnectTls tls)
    {
        var value = new Dictionary<string, object>
        {
            ["IssuerCertificateAuthority"] = new Dictionary<string, object> { ["AwsPcaAuthorityArn"] = tls.AwsPcaAuthorityArn },
            ["RoleArn"] = tls.Role.RoleArn,
        };
        if (tls.KmsKey is not null)
        {
            value["KmsKey"] = tls.KmsKey.KeyArn;
        }

        service.AddPropertyOverride($"ServiceConnectConfiguration.Services.{index}.Tls", value);
    }

    /// <summary>Sets the cluster's <c>ServiceConnectDefaults.Namespace</c> to an existing namespace (the 2.160.0 L2 only creates a new one).</summary>
    public static void SetServiceConnectDefaultNamespace(CfnCluster cluster, string namespaceArn)
        => cluster.AddPropertyOverride("ServiceConnectDefaults.Namespace", namespaceArn);

    /// <summary>Sets <c>ServiceConnectConfiguration.AccessLogConfiguration</c> (not in the 2.160.0 L2 or L1).</summary>
    public static void SetServiceConnectAccessLogs(CfnService service, ServiceConnectAccessLogs logs)
        => service.AddPropertyOverride("ServiceConnectConfiguration.AccessLogConfiguration", new Dictionary<string, object>
        {
            ["Format"] = logs.Json ? "JSON" : "TEXT",
            ["IncludeQueryParameters"] = logs.IncludeQueryParameters ? "ENABLED" : "DISABLED",
        });

    /// <summary>
    /// Sets <c>DeploymentConfiguration.Strategy</c>, <c>BakeTimeInMinutes</c> and the linear or canary configuration
    /// (ECS's 2025 deployment strategies, not in the 2.160.0 L2 or L1).
    /// </summary>
    public static void SetDeploymentStrategy(CfnService service, ServiceDeploymentStrategy strategy)
    {
        service.AddPropertyOverride("DeploymentConfiguration.Strategy", strategy.ApiValue);
        if (strategy.BakeTime is { } bake)
        {
            service.AddPropertyOverride("DeploymentConfiguration.BakeTimeInMinutes", bake.ToMinutes());
        }

        var (property, percentName, bakeName) = strategy.Kind switch
        {
            DeploymentStrategyKind.Linear => ("LinearConfiguration", "StepPercent", "StepBakeTimeInMinutes"),
            DeploymentStrategyKind.Canary => ("CanaryConfiguration", "CanaryPercent", "CanaryBakeTimeInMinutes"),
            _ => (null, null, null),
        };
        if (property is not null)
        {
            // The validated percent on ECS's 0.1 grid, without binary noise (0.30000000000000004 is sent as 0.3).
            var value = new Dictionary<string, object> { [percentName!] = (double)Math.Round((decimal)strategy.Percent!.Value, 1) };
            if (strategy.StepBakeTime is { } step)
            {
                value[bakeName!] = step.ToMinutes();
            }

            service.AddPropertyOverride($"DeploymentConfiguration.{property}", value);
        }
    }

    /// <summary>Sets <c>DeploymentConfiguration.LifecycleHooks</c> to <paramref name="hooks"/> (not in the 2.160.0 L2 or L1).</summary>
    public static void SetLifecycleHooks(CfnService service, IEnumerable<(LambdaLifecycleHook Hook, string RoleArn)> hooks)
        => service.AddPropertyOverride("DeploymentConfiguration.LifecycleHooks", hooks.Select(h =>
        {
            var value = new Dictionary<string, object>
            {
                ["HookTargetArn"] = h.Hook.Function.FunctionArn,
                ["RoleArn"] = h.RoleArn,
                ["LifecycleStages"] = h.Hook.Stages.Select(StageValue).ToArray(),
            };
            if (h.Hook.Details is { Count: > 0 } details)
            {
                value["HookDetails"] = details;
            }

            return value;
        }).ToArray());

    /// <summary>Sets the test-traffic rule of endpoint <paramref name="index"/>'s client alias (not in the 2.160.0 L2 or L1).</summary>
    public static void SetTestTrafficRule(CfnService service, int index, ServiceConnectTestTrafficHeader header)
    {
        var rule = new Dictionary<string, object> { ["Name"] = header.Name };
        if (header.ExactValue is { } exact)
        {
            rule["Value"] = new Dictionary<string, object> { ["Exact"] = exact };
        }

        service.AddPropertyOverride($"ServiceConnectConfiguration.Services.{index}.ClientAliases.0.TestTrafficRules", new Dictionary<string, object> { ["Header"] = rule });
    }

    /// <summary>Sets <c>VpcLatticeConfigurations</c> (not in the 2.160.0 L2 or L1).</summary>
    public static void SetVpcLattice(CfnService service, string roleArn, IEnumerable<VpcLatticeTarget> targets)
        => service.AddPropertyOverride("VpcLatticeConfigurations", targets.Select(t => new Dictionary<string, object>
        {
            ["RoleArn"] = roleArn,
            ["TargetGroupArn"] = t.TargetGroupArn,
            ["PortName"] = t.PortName,
        }).ToArray());

    /// <summary>The API value of a lifecycle stage, e.g. <c>POST_TEST_TRAFFIC_SHIFT</c>.</summary>
    public static string StageValue(LifecycleHookStage stage) => stage switch
    {
        LifecycleHookStage.ReconcileService => "RECONCILE_SERVICE",
        LifecycleHookStage.PreScaleUp => "PRE_SCALE_UP",
        LifecycleHookStage.PostScaleUp => "POST_SCALE_UP",
        LifecycleHookStage.TestTrafficShift => "TEST_TRAFFIC_SHIFT",
        LifecycleHookStage.PostTestTrafficShift => "POST_TEST_TRAFFIC_SHIFT",
        LifecycleHookStage.PreProductionTrafficShift => "PRE_PRODUCTION_TRAFFIC_SHIFT",
        LifecycleHookStage.ProductionTrafficShift => "PRODUCTION_TRAFFIC_SHIFT",
        _ => "POST_PRODUCTION_TRAFFIC_SHIFT",
    };
}

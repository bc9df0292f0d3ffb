using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>Services with deployment settings, and the pieces they take (hook functions, the emitted deployment configuration).</summary>
internal static class Deployments
{
    /// <summary>An inline Node.js function usable as a lifecycle hook.</summary>
    public static IFunction HookFunction(Stack stack, string id = "Hook") => new Function(stack, id, new FunctionProps
    {
        Runtime = Runtime.NODEJS_20_X,
        Handler = "index.handler",
        Code = Code.FromInline("exports.handler = async () => ({ hookStatus: 'SUCCEEDED' });"),
    });

    /// <summary>A Service Connect server on the "http" port mapping with <paramref name="strategy"/> and the given extras.</summary>
    public static DiscoverableFargateService ScService(Workloads w, ServiceDeploymentStrategy? strategy, ServiceConnectTestTrafficHeader? header = null, bool tcp = false, bool dual = false, LambdaLifecycleHook[]? hooks = null, Amazon.CDK.AWS.ECS.DeploymentCircuitBreaker? breaker = null)
        => new(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(tcp: tcp),
            ServiceConnect = new ServiceConnectOptions { Namespace = w.Namespace, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", TestTrafficHeader = header }] },
            DualDiscovery = dual,
            DeploymentStrategy = strategy,
            LifecycleHooks = hooks,
            CircuitBreaker = breaker,
        });

    /// <summary>The emitted <c>DeploymentConfiguration</c> of the stack's only ECS service.</summary>
    public static JsonObject DeploymentConfiguration(Stack stack)
        => Templates.OnlyProperties(stack, "AWS::ECS::Service")["DeploymentConfiguration"]!.AsObject();
}

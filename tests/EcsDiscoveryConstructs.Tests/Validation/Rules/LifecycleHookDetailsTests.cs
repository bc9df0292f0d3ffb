using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class LifecycleHookDetailsTests
{
    private static DiscoverableFargateService Service(Workloads w, IDictionary<string, object> details)
        => Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), hooks: [new LambdaLifecycleHook { Function = Deployments.HookFunction(w.Stack), Stages = [LifecycleHookStage.PreScaleUp], Details = details }]);

    [Fact]
    public void NestedJsonValues_AreEmitted()
    {
        var w = new Workloads();
        _ = Service(w, new Dictionary<string, object> { ["suite"] = "smoke", ["retries"] = 3, ["strict"] = true, ["paths"] = new object[] { "/health", new Dictionary<string, object> { ["p"] = 0.5 } } });
        var hook = Templates.Objects(Deployments.DeploymentConfiguration(w.Stack)["LifecycleHooks"]).Single();
        Assert.Equal("""{"paths":["/health",{"p":0.5}],"retries":3,"strict":true,"suite":"smoke"}""", System.Text.Json.JsonSerializer.Serialize(new SortedDictionary<string, JsonNode?>(hook["HookDetails"]!.AsObject(), StringComparer.Ordinal)));
    }

    [Fact]
    public void AnObjectNestedInAList_FailsNamingItsPath()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Service(w, new Dictionary<string, object> { ["paths"] = new object[] { "/health", new Uri("http://x") } }));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': LifecycleHooks[0].Details['paths'][1] holds a Uri, which JSON cannot carry. Use strings, finite numbers, booleans, and dictionaries or lists of them. [ecs-discovery:lifecycle-hook-details]", error.Message);
    }

    [Fact]
    public void NaN_Fails()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Service(w, new Dictionary<string, object> { ["threshold"] = double.NaN }));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': LifecycleHooks[0].Details['threshold'] holds the number NaN, which JSON cannot carry. Use strings, finite numbers, booleans, and dictionaries or lists of them. [ecs-discovery:lifecycle-hook-details]", error.Message);
    }

    [Fact]
    public void ACycle_FailsInsteadOfRecursingForever()
    {
        var w = new Workloads();
        var loop = new Dictionary<string, object>();
        loop["self"] = loop;
        var error = Findings.Error(() => Service(w, loop));
        Assert.Contains("holds values nested deeper than 32 levels, which JSON cannot carry.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullValue_FailsSayingNull()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Service(w, new Dictionary<string, object> { ["owner"] = null! }));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': LifecycleHooks[0].Details['owner'] holds null, which JSON cannot carry. Use strings, finite numbers, booleans, and dictionaries or lists of them. [ecs-discovery:lifecycle-hook-details]", error.Message);
    }
}

using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>
/// What another client does to a deployed ECommerce registry (the orders service of internal.example.com), for the
/// verify and the canary end-to-end tests alike.
/// </summary>
internal static class RegistryFaults
{
    public static void Apply(RawCloudMap raw, string fault)
    {
        var ns = raw.NamespaceId("internal.example.com");
        var orders = raw.ServiceId("orders");
        switch (fault)
        {
            case "deregister":
                raw.Call("DeregisterInstance", new JsonObject { ["ServiceId"] = orders, ["InstanceId"] = raw.FirstInstanceId("orders") });
                break;
            case "unhealthy":
                raw.Call("UpdateInstanceCustomHealthStatus", new JsonObject { ["ServiceId"] = orders, ["InstanceId"] = raw.FirstInstanceId("orders"), ["Status"] = "UNHEALTHY" });
                break;
            case "delete-service":
                Delete(raw, orders);
                break;
            case "ttl":
                raw.Call("UpdateService", new JsonObject { ["Id"] = orders, ["Service"] = new JsonObject { ["DnsConfig"] = new JsonObject { ["DnsRecords"] = new JsonArray(new JsonObject { ["Type"] = "A", ["TTL"] = 60 }) } } });
                break;
            case "routing":
                // Deleted and created again by hand with another routing policy (and so another id).
                Delete(raw, orders);
                raw.Call("CreateService", new JsonObject
                {
                    ["Name"] = "orders",
                    ["NamespaceId"] = ns,
                    ["DnsConfig"] = new JsonObject { ["RoutingPolicy"] = "WEIGHTED", ["DnsRecords"] = new JsonArray(new JsonObject { ["Type"] = "A", ["TTL"] = 5 }) },
                    ["HealthCheckCustomConfig"] = new JsonObject { ["FailureThreshold"] = 1 },
                });
                break;
            case "delete-namespace":
                raw.Call("DeleteNamespace", new JsonObject { ["Id"] = ns });
                break;
            case "recreate-namespace":
                foreach (var service in raw.Services().Where(s => s!["NamespaceId"]?.GetValue<string>() == ns).Select(s => s!["Id"]!.GetValue<string>()).ToList())
                {
                    Delete(raw, service);
                }

                raw.Call("DeleteNamespace", new JsonObject { ["Id"] = ns });
                raw.CreateNamespace("PrivateDns", "internal.example.com", "vpc-0123456789abcdef0", 15);
                break;
            case "extra-service":
                raw.Call("CreateService", new JsonObject { ["Name"] = "legacy", ["NamespaceId"] = ns, ["Type"] = "HTTP" });
                break;
            default:
                throw new ArgumentException($"no fault '{fault}'", nameof(fault));
        }
    }

    /// <summary>Deregisters every instance of the service, then deletes it.</summary>
    private static void Delete(RawCloudMap raw, string serviceId)
    {
        foreach (var instance in raw.Call("ListInstances", new JsonObject { ["ServiceId"] = serviceId })["Instances"]!.AsArray())
        {
            raw.Call("DeregisterInstance", new JsonObject { ["ServiceId"] = serviceId, ["InstanceId"] = instance!["Id"]!.GetValue<string>() });
        }

        raw.Call("DeleteService", new JsonObject { ["Id"] = serviceId });
    }
}

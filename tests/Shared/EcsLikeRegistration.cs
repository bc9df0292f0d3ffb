using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.Tests.Shared;

/// <summary>
/// Fills a Cloud Map peer the way CloudFormation and ECS would for a stack: its namespaces and services, then one
/// instance per expected task with the attributes ECS writes. Uses <see cref="RawCloudMap"/>, never product code.
/// </summary>
internal static class EcsLikeRegistration
{
    public static void Deploy(RawCloudMap raw, StackTopology stack)
    {
        var namespaceIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var vpc = 0;
        foreach (var ns in stack.Namespaces)
        {
            var type = ns.Kind switch { NamespaceKind.PrivateDns => "PrivateDns", NamespaceKind.PublicDns => "PublicDns", _ => "Http" };
            namespaceIds[ns.LogicalId] = raw.CreateNamespace(type, ns.Name.Literal!, ns.Kind == NamespaceKind.PrivateDns ? $"vpc-{stack.Name.ToLowerInvariant()}{vpc++}" : null, ns.SoaTtl);
        }

        foreach (var cm in stack.CloudMapServices)
        {
            var body = new JsonObject { ["Name"] = cm.Name.Literal, ["NamespaceId"] = namespaceIds[cm.NamespaceLogicalId!] };
            if (cm.DnsDiscovery)
            {
                body["DnsConfig"] = new JsonObject
                {
                    ["RoutingPolicy"] = cm.RoutingPolicy,
                    ["DnsRecords"] = new JsonArray(cm.DnsRecords.Select(r => (JsonNode)new JsonObject { ["Type"] = r.Type, ["TTL"] = r.Ttl }).ToArray()),
                };
            }
            else
            {
                body["Type"] = "HTTP";
            }

            if (cm.HealthCheck == HealthCheckKind.Custom)
            {
                body["HealthCheckCustomConfig"] = new JsonObject { ["FailureThreshold"] = 1 };
            }

            var serviceId = raw.Call("CreateService", body)["Service"]!["Id"]!.GetValue<string>();
            foreach (var ecs in stack.EcsServices.Where(e => e.RegistryServiceLogicalId == cm.LogicalId))
            {
                Register(raw, serviceId, ecs, cm.DnsRecords.Any(r => r.Type == "SRV"));
            }

            // As CloudFormation would: the template's id and attributes, a load balancer's DNS name for computed ones.
            foreach (var instance in stack.Instances.Where(i => i.ServiceLogicalId == cm.LogicalId))
            {
                var attributes = new JsonObject();
                foreach (var (key, value) in instance.Attributes)
                {
                    attributes[key] = value.Literal ?? "api-123.us-east-1.elb.amazonaws.com";
                }

                raw.Call("RegisterInstance", new JsonObject { ["ServiceId"] = serviceId, ["InstanceId"] = instance.InstanceId.Literal ?? instance.LogicalId, ["Attributes"] = attributes });
            }
        }

        foreach (var ecs in stack.EcsServices.Where(e => e.ServiceConnectNamespaceLogicalId is not null))
        {
            foreach (var endpoint in ecs.Endpoints)
            {
                var serviceId = raw.Call("CreateService", new JsonObject { ["Name"] = endpoint.DiscoveryName, ["NamespaceId"] = namespaceIds[ecs.ServiceConnectNamespaceLogicalId!], ["Type"] = "HTTP" })["Service"]!["Id"]!.GetValue<string>();
                Register(raw, serviceId, ecs, port: true);
            }
        }
    }

    private static void Register(RawCloudMap raw, string serviceId, EcsServiceInfo ecs, bool port)
    {
        for (var task = 0; task < (ecs.ExpectedMin ?? 1); task++)
        {
            var attributes = new JsonObject
            {
                ["AWS_INSTANCE_IPV4"] = $"10.0.{task / 200}.{10 + (task % 200)}",
                ["ECS_CLUSTER_NAME"] = "cluster",
                ["ECS_SERVICE_NAME"] = ecs.Name.Literal,
                ["ECS_TASK_DEFINITION_FAMILY"] = ecs.Name.Literal,
                ["AVAILABILITY_ZONE"] = task % 2 == 0 ? "us-east-1a" : "us-east-1b",
                ["REGION"] = "us-east-1",
            };
            if (port)
            {
                attributes["AWS_INSTANCE_PORT"] = "80";
            }

            raw.Call("RegisterInstance", new JsonObject { ["ServiceId"] = serviceId, ["InstanceId"] = $"{ecs.Name.Literal}-task-{task:D4}", ["Attributes"] = attributes });
        }
    }
}

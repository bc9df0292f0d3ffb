using System.Text.RegularExpressions;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Services;

/// <summary>Implements <see cref="DiscoverableFargateService.ConnectTo"/>.</summary>
internal static partial class ServiceWiring
{
    private const string Kind = nameof(DiscoverableFargateService);

    public static ServiceConnection Connect(DiscoverableFargateService source, DiscoverableFargateService target, string? variablePrefix)
    {
        ArgumentNullException.ThrowIfNull(target);
        var prefix = variablePrefix ?? NonAlphanumeric().Replace(target.Name.ToUpperInvariant(), "_");
        RuleRunner.Apply(source, Kind, new ConnectionSpec(source, target, prefix), RuleCatalog.ConnectionRules);

        var connection = Choose(source, target, prefix);
        target.Connections.AllowFrom(source.Connections, Port.Tcp(connection.Port), $"{source.Name} to {target.Name}");
        foreach (var (name, value) in connection.Environment)
        {
            source.MainContainer.AddEnvironment(name, value);
        }

        if (connection.Mode == ConnectionMode.CloudMapApi)
        {
            source.TaskDefinition.AddToTaskRolePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = $"Discover{prefix.Replace("_", string.Empty, StringComparison.Ordinal)}",
                Actions = ["servicediscovery:DiscoverInstances"],
                Resources = ["*"],
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object>
                    {
                        ["servicediscovery:NamespaceName"] = target.CloudMapNamespace!.NamespaceName,
                        ["servicediscovery:ServiceName"] = target.CloudMapServiceName!,
                    },
                },
            }));
        }

        return connection;
    }

    private static ServiceConnection Choose(DiscoverableFargateService source, DiscoverableFargateService target, string prefix)
    {
        var s = DiscoverableFargateService.PlanOf(source);
        var t = DiscoverableFargateService.PlanOf(target);
        var sameScNamespace = s.HasServiceConnect && NamespaceSetup.Same(s.ServiceConnectNamespace, t.ServiceConnectNamespace);
        if (t.Endpoints.Count > 0 && (sameScNamespace || (!s.HasServiceConnect && target.DnsName is null)))
        {
            if (!s.HasServiceConnect)
            {
                source.Service.EnableServiceConnect(new ServiceConnectProps { Namespace = t.ServiceConnectNamespace!.NamespaceArn });
            }

            var alias = target.ServiceConnectAliases[0];
            return HostAndPort(ConnectionMode.ServiceConnect, prefix, alias.DnsName, alias.Port, alias.ContainerPort);
        }

        if (target.DnsName is { } dns)
        {
            var port = target.CloudMapPort!.Value;
            return HostAndPort(ConnectionMode.Dns, prefix, dns, port, port);
        }

        return new ServiceConnection(ConnectionMode.CloudMapApi, target.CloudMapPort!.Value, new Dictionary<string, string>
        {
            [$"{prefix}_NAMESPACE"] = target.CloudMapNamespace!.NamespaceName,
            [$"{prefix}_SERVICE"] = target.CloudMapServiceName!,
        });
    }

    private static ServiceConnection HostAndPort(ConnectionMode mode, string prefix, string host, int port, int containerPort)
        => new(mode, containerPort, new Dictionary<string, string>
        {
            [$"{prefix}_HOST"] = host,
            [$"{prefix}_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{prefix}_ENDPOINT"] = $"{host}:{port}",
        });

    [GeneratedRegex("[^A-Z0-9]")]
    private static partial Regex NonAlphanumeric();
}

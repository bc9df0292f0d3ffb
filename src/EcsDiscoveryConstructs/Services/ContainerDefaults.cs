using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace EcsDiscoveryConstructs.Services;

/// <summary>Fills in what a container created by <see cref="DiscoverableFargateService"/> should have when the user left it out.</summary>
internal static class ContainerDefaults
{
    /// <summary>How long container logs are kept when the library creates their log group.</summary>
    public const RetentionDays LogRetention = RetentionDays.ONE_MONTH;

    /// <summary>
    /// Returns <paramref name="options"/> unchanged when it has a log driver, else a copy that logs to a new
    /// CloudWatch log group (one-month retention) under <paramref name="scope"/>. The caller's object is never changed.
    /// </summary>
    public static ContainerDefinitionOptions WithLogging(Construct scope, ContainerDefinitionOptions options, string streamPrefix)
    {
        if (options.Logging is not null)
        {
            return options;
        }

        var copy = new ContainerDefinitionOptions();
        foreach (var property in typeof(ContainerDefinitionOptions).GetProperties().Where(p => p.CanRead && p.CanWrite))
        {
            property.SetValue(copy, property.GetValue(options));
        }

        var logGroup = new LogGroup(scope, "Logs", new LogGroupProps { Retention = LogRetention });
        copy.Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = logGroup, StreamPrefix = streamPrefix });
        return copy;
    }
}

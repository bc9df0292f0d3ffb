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
    /// Returns a copy of <paramref name="options"/> (the caller's object is never changed) that logs to a new CloudWatch
    /// log group (one-month retention) when it has no log driver, and runs an init process when
    /// <paramref name="initProcess"/> is asked for and it has no Linux parameters of its own.
    /// </summary>
    public static ContainerDefinitionOptions Complete(Construct scope, ContainerDefinitionOptions options, string streamPrefix, bool initProcess)
    {
        var addLogging = options.Logging is null;
        var addInit = initProcess && options.LinuxParameters is null;
        var copy = new ContainerDefinitionOptions();
        foreach (var property in typeof(ContainerDefinitionOptions).GetProperties().Where(p => p.CanWrite))
        {
            property.SetValue(copy, property.GetValue(options));
        }

        if (addLogging)
        {
            var logGroup = new LogGroup(scope, "Logs", new LogGroupProps { Retention = LogRetention });
            copy.Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = logGroup, StreamPrefix = streamPrefix });
        }

        if (addInit)
        {
            copy.LinuxParameters = new LinuxParameters(scope, "LinuxParameters", new LinuxParametersProps { InitProcessEnabled = true });
        }

        return copy;
    }
}

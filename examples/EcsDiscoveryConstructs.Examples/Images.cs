using Amazon.CDK;
using Amazon.CDK.AWS.ECS;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>Container settings shared by the examples: public nginx images that really serve the paths they are checked on.</summary>
public static class Images
{
    /// <summary>nginx (alpine) on port 80, named port mapping "http", with a container health check on <c>/health</c>.</summary>
    public static ContainerDefinitionOptions Web(string containerName = "app") => new()
    {
        ContainerName = containerName,
        Image = ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:1.27-alpine"),
        // Serve /health (200 "ok") next to the default site, then run nginx in the foreground.
        EntryPoint = ["/bin/sh", "-c"],
        Command = ["printf 'server {\\n listen 80;\\n location = /health { return 200 \"ok\\\\n\"; }\\n location / { root /usr/share/nginx/html; }\\n}\\n' > /etc/nginx/conf.d/default.conf && exec nginx -g 'daemon off;'"],
        PortMappings = [new PortMapping { Name = "http", ContainerPort = 80, AppProtocol = AppProtocol.Http }],
        HealthCheck = new Amazon.CDK.AWS.ECS.HealthCheck
        {
            Command = ["CMD-SHELL", "wget -q -O /dev/null http://localhost/health || exit 1"],
            Interval = Duration.Seconds(10),
            Timeout = Duration.Seconds(5),
            Retries = 3,
            StartPeriod = Duration.Seconds(10),
        },
    };
}

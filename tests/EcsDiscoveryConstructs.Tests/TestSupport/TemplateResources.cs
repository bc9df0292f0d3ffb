using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>The one resource of a type in a synthesized stack, as the template holds it.</summary>
internal static class TemplateResources
{
    /// <summary>The stack's only resource of <paramref name="type"/> (fails when there are none or several).</summary>
    public static IDictionary<string, object> Only(Stack stack, string type)
        => Template.FromStack(stack).FindResources(type).Values.Cast<IDictionary<string, object>>().Single();

    /// <summary>The properties of the stack's only resource of <paramref name="type"/>.</summary>
    public static IDictionary<string, object> OnlyProperties(Stack stack, string type)
        => (IDictionary<string, object>)Only(stack, type)["Properties"];

    /// <summary>The only container of the stack's only task definition.</summary>
    public static IDictionary<string, object> OnlyContainer(Stack stack)
        => (IDictionary<string, object>)((object[])OnlyProperties(stack, "AWS::ECS::TaskDefinition")["ContainerDefinitions"]).Single();
}

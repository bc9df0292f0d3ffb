using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Tests.Validation;

public class DiscoveryValidationExceptionTests
{
    [Fact]
    public void OneError_IsTheWholeMessage()
    {
        var e = new DiscoveryValidationException("DiscoveryService", "Stack/Orders", ["Stack/Orders: Ttl is 0; set 1 or more."]);
        Assert.Equal(("Stack/Orders: Ttl is 0; set 1 or more.", "Stack/Orders", 1), (e.Message, e.ConstructPath, e.Errors.Count));
    }

    [Fact]
    public void SeveralErrors_AreCountedAndListedOnePerLine()
    {
        var e = new DiscoveryValidationException("DiscoveryService", "Stack/Orders", ["first", "second"]);
        Assert.Equal("DiscoveryService 'Stack/Orders' has 2 invalid settings:\n - first\n - second", e.Message);
    }

    [Fact]
    public void NoError_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new DiscoveryValidationException("DiscoveryService", "Stack/Orders", []));
        Assert.Equal("errors", e.ParamName);
    }
}

namespace EcsDiscoveryConstructs.Tests.Testing;

public class TemplateScrubberTests
{
    private const string HashA = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private const string HashB = "0000000000000000000000000000000000000000000000000000000000000001";

    [Fact]
    public void Scrub_AssetHashes_BecomeNumberedInOrderOfAppearance()
    {
        var template = "{\"Resources\":{\"Fn\":{\"Properties\":{\"Code\":{\"S3Key\":\"" + HashB + ".zip\"},\"Other\":\"" + HashA + "\",\"Again\":\"" + HashB + ".zip\"}}}}";
        var scrubbed = TemplateScrubber.Scrub(template);
        Assert.Equal(
            "{\n  \"Resources\": {\n    \"Fn\": {\n      \"Properties\": {\n        \"Code\": {\n          \"S3Key\": \"Asset1.zip\"\n        },\n        \"Other\": \"Asset2\",\n        \"Again\": \"Asset1.zip\"\n      }\n    }\n  }\n}\n",
            scrubbed);
    }

    [Fact]
    public void Scrub_ShortHexAndNumbers_AreKept()
    {
        var scrubbed = TemplateScrubber.Scrub("""{"Id":"Orders2A43276C","TTL":5,"On":true,"None":null}""");
        Assert.Equal("{\n  \"Id\": \"Orders2A43276C\",\n  \"TTL\": 5,\n  \"On\": true,\n  \"None\": null\n}\n", scrubbed);
    }
}

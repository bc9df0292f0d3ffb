using EcsDiscoveryConstructs.Verifier.Redaction;

namespace EcsDiscoveryConstructs.Verifier.Tests.Redaction;

public class RedactorTests
{
    [Theory]
    [InlineData("key AKIAIOSFODNN7EXAMPLE used", "key [redacted] used")]
    [InlineData("Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261130/us-east-1/servicediscovery/aws4_request, SignedHeaders=host, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024", "Authorization: [redacted] Credential=[redacted], SignedHeaders=host, Signature=[redacted]")]
    [InlineData("X-Amz-Security-Token: IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH", "X-Amz-Security-Token: [redacted]")]
    [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [redacted]")]
    [InlineData("cannot reach http://admin:hunter2@127.0.0.1:5000/", "cannot reach http://admin:[redacted]@127.0.0.1:5000/")]
    [InlineData("nothing secret here: orders.internal.example.com", "nothing secret here: orders.internal.example.com")]
    public void Redact_RemovesEverySecretShape(string text, string expected)
        => Assert.Equal(expected, Redactor.Redact(text));

    [Fact]
    public void Redact_RemovesKnownCredentialValuesWherever()
    {
        Redactor.AddSecret("a-session-token-value-0123456789");
        Assert.Equal("echo [redacted] back", Redactor.Redact("echo a-session-token-value-0123456789 back"));
    }

    [Fact]
    public void AddSecret_IgnoresShortValuesThatWouldMaskWords()
    {
        Redactor.AddSecret("orders");
        Assert.Equal("orders", Redactor.Redact("orders"));
    }

    [Fact]
    public void RedactingWriter_RedactsAcrossCharacterWrites()
    {
        using var inner = new StringWriter();
        using (var writer = new RedactingWriter(inner))
        {
            foreach (var c in "id AKIAIOSFODNN7EXAMPLE\n")
            {
                writer.Write(c);
            }
        }

        Assert.Equal("id [redacted]\n", inner.ToString());
    }
}

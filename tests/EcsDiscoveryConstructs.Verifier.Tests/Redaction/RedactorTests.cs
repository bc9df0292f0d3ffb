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

    [Fact]
    public void AddSecret_KeepsValuesOfSixteenCharacters_AndIgnoresNull()
    {
        Redactor.AddSecret("exactly16chars!!");
        Redactor.AddSecret("only15characters"[..15]);
        Redactor.AddSecret(null);
        Assert.Equal("[redacted] and only15character", Redactor.Redact("exactly16chars!! and only15character"));
        Assert.Equal(string.Empty, Redactor.Redact(null));
        Assert.Equal(string.Empty, Redactor.Redact(string.Empty));
    }

    [Fact]
    public void RedactingWriter_WholeStrings_AreWrittenAtOnce_AndRedacted()
    {
        var inner = new FlushCountingWriter();
        var writer = new RedactingWriter(inner);
        writer.Write("progress AKIAIOSFODNN7EXAMPLE\r");
        Assert.Equal("progress [redacted]\r", inner.ToString());
        writer.Write((string?)null);
        writer.Write('x');
        Assert.Equal("progress [redacted]\r", inner.ToString());
        writer.Write(" AKIAIOSFODNN7EXAMPLE");
        Assert.Equal("progress [redacted]\rx [redacted]", inner.ToString());
        writer.WriteLine("done");
        writer.WriteLine((string?)null);
        Assert.Equal("progress [redacted]\rx [redacted]done" + writer.NewLine + writer.NewLine, inner.ToString());
        Assert.Equal(inner.Encoding, writer.Encoding);
    }

    [Fact]
    public void RedactingWriter_HoldsAPartialLine_UntilFlushOrDispose()
    {
        var inner = new FlushCountingWriter();
        var writer = new RedactingWriter(inner);
        foreach (var c in "key AKIAIOSFODNN7EXAMPLE")
        {
            writer.Write(c);
        }

        Assert.Equal(string.Empty, inner.ToString());
        var flushes = inner.Flushes;
        writer.Flush();
        Assert.Equal("key [redacted]", inner.ToString());
        Assert.True(inner.Flushes > flushes, "Flush reaches the inner writer");
        writer.Write('!');
        writer.Dispose();
        Assert.Equal("key [redacted]!", inner.ToString());
    }

    private sealed class FlushCountingWriter : StringWriter
    {
        public int Flushes { get; private set; }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }
    }

    [Theory]
    [InlineData("  refused: Credential=AKIAIOSFODNN7EXAMPLE/20261130/us-east-1/servicediscovery/aws4_request \n   at Stack.Frame()", "refused: Credential=[redacted]")]
    [InlineData("one line", "one line")]
    [InlineData("\nsecond", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void FirstLine_IsTheTrimmedRedactedFirstLine(string? message, string expected)
        => Assert.Equal(expected, Redactor.FirstLine(message));
}

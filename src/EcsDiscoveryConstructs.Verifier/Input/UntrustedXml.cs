using System.Xml;
using System.Xml.Linq;

namespace EcsDiscoveryConstructs.Verifier.Input;

/// <summary>
/// Parses XML nobody vouches for (AWS Query-protocol answers): no DTD, no external entities, a bounded size; reads
/// elements by local name (the answers carry a namespace per API version). A document that is not well-formed becomes
/// an <see cref="InputException"/> naming the source.
/// </summary>
internal static class UntrustedXml
{
    /// <summary>The most characters read from one answer (10 MiB: a page of 100 stack resources is about 60 KB).</summary>
    private const long MaxCharacters = 10 * 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
    public static XElement Parse(string text, string source)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            return XDocument.Load(reader).Root ?? throw new InputException($"{source} is not an XML document: it has no root element");
        }
        catch (XmlException e)
        {
            throw new InputException($"{source} is not well-formed XML: {e.Message}", e);
        }
    }

    /// <summary>The child elements of <paramref name="element"/> named <paramref name="name"/> (any namespace).</summary>
    public static IEnumerable<XElement> Children(XElement? element, string name)
        => element?.Elements().Where(e => e.Name.LocalName == name) ?? [];

    /// <summary>The one child named <paramref name="name"/>, or null; two of them are malformed.</summary>
    public static XElement? Child(XElement? element, string name, string source)
    {
        var found = Children(element, name).Take(2).ToList();
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new InputException($"{source}: {Path(element)}/{name} appears more than once"),
        };
    }

    /// <summary>The text of the one child named <paramref name="name"/>, or null when missing; a child with elements inside is malformed.</summary>
    public static string? Text(XElement? element, string name, string source)
        => Child(element, name, source) is not { } child ? null
            : child.HasElements ? throw new InputException($"{source}: {Path(element)}/{name} holds elements, expected text") : child.Value;

    private static string Path(XElement? element)
        => element is null ? string.Empty : string.Join("/", element.AncestorsAndSelf().Reverse().Select(e => e.Name.LocalName));
}

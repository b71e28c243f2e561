using System.IO.Compression;
using System.Text;

namespace Brands.Host.Infrastructure.Documents;

/// <summary>
/// Decides what a file is from its first bytes (its "magic number"), never from its name or the media type the
/// browser sent: PDF, PNG, JPEG, GIF, WebP, Office Open XML (a zip with <c>[Content_Types].xml</c>: .docx, .xlsx,
/// .pptx) and legacy Office (an OLE compound file: .doc, .xls, .ppt). Anything else is refused with the reason,
/// naming executables and scripts for what they are.
/// </summary>
internal static class DocumentContentCheck
{
    public const string Allowed = "PDF, PNG, JPEG, GIF, WebP, Word, Excel or PowerPoint";

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif87 = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89 = "GIF89a"u8.ToArray();
    private static readonly byte[] Riff = "RIFF"u8.ToArray();
    private static readonly byte[] Webp = "WEBP"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Elf = [0x7F, 0x45, 0x4C, 0x46];
    private static readonly byte[][] MachO = [[0xCF, 0xFA, 0xED, 0xFE], [0xCE, 0xFA, 0xED, 0xFE], [0xCA, 0xFE, 0xBA, 0xBE]];

    /// <summary>The kind of <paramref name="content"/>, or null with <paramref name="refusal"/> saying why it is not accepted.</summary>
    public static DocumentKind? Identify(ReadOnlySpan<byte> content, string fileName, out string? refusal)
    {
        refusal = null;
        if (content.IsEmpty)
        {
            refusal = "The file is empty.";
            return null;
        }

        if (content.StartsWith(Pdf))
        {
            return new DocumentKind("PDF", "application/pdf");
        }

        if (content.StartsWith(Png))
        {
            return new DocumentKind("PNG", "image/png");
        }

        if (content.StartsWith(Jpeg))
        {
            return new DocumentKind("JPEG", "image/jpeg");
        }

        if (content.StartsWith(Gif87) || content.StartsWith(Gif89))
        {
            return new DocumentKind("GIF", "image/gif");
        }

        if (content.Length >= 12 && content.StartsWith(Riff) && content[8..12].SequenceEqual(Webp))
        {
            return new DocumentKind("WebP", "image/webp");
        }

        if (content.StartsWith(Ole))
        {
            return LegacyOffice(fileName);
        }

        if (content.StartsWith(Zip))
        {
            var kind = OfficeOpenXml(content.ToArray(), out refusal);
            return kind;
        }

        refusal = Describe(content) is { } what
            ? $"The file's content is {what}, not one of the accepted kinds ({Allowed}), whatever its name says."
            : $"The file's content is not one of the accepted kinds ({Allowed}), whatever its name says.";
        return null;
    }

    /// <summary>A zip is an Office document only when it holds [Content_Types].xml; the part folders tell Word, Excel and PowerPoint apart.</summary>
    private static DocumentKind? OfficeOpenXml(byte[] content, out string? refusal)
    {
        refusal = null;
        try
        {
            // Only the central directory is read; nothing is decompressed, so a zip bomb costs nothing here.
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal))
            {
                refusal = $"The file is a zip archive but not an Office document (it has no [Content_Types].xml); accepted kinds: {Allowed}.";
                return null;
            }

            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
            {
                return new DocumentKind("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            }

            if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)))
            {
                return new DocumentKind("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }

            if (names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)))
            {
                return new DocumentKind("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation");
            }

            refusal = $"The file is an Open Packaging archive but not a Word, Excel or PowerPoint document; accepted kinds: {Allowed}.";
            return null;
        }
        catch (InvalidDataException)
        {
            refusal = "The file starts like a zip archive but is not a readable one, so it cannot be an Office document.";
            return null;
        }
    }

    /// <summary>An OLE compound file does not say which Office program wrote it without parsing it; the name's extension picks the media type among the three.</summary>
    private static DocumentKind LegacyOffice(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xls" => new DocumentKind("Excel 97-2003", "application/vnd.ms-excel"),
        ".ppt" => new DocumentKind("PowerPoint 97-2003", "application/vnd.ms-powerpoint"),
        _ => new DocumentKind("Word 97-2003", "application/msword"),
    };

    private static string? Describe(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("MZ"u8))
        {
            return "a Windows executable (it starts with MZ)";
        }

        if (content.StartsWith(Elf))
        {
            return "a Linux executable (ELF)";
        }

        foreach (var magic in MachO)
        {
            if (content.StartsWith(magic))
            {
                return "a macOS executable (Mach-O)";
            }
        }

        if (content.StartsWith("#!"u8))
        {
            return "a script (it starts with #!)";
        }

        var head = Encoding.ASCII.GetString(content[..Math.Min(content.Length, 64)]).TrimStart().ToLowerInvariant();
        if (head.StartsWith("<!doctype html", StringComparison.Ordinal) || head.StartsWith("<html", StringComparison.Ordinal)
            || head.StartsWith("<script", StringComparison.Ordinal) || head.StartsWith("<svg", StringComparison.Ordinal))
        {
            return "HTML or SVG markup, which a browser would run";
        }

        return null;
    }
}

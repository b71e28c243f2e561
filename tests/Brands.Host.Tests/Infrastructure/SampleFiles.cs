using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>Small real files of each kind the host accepts, and disguised ones it must refuse, made on the spot.</summary>
public static class SampleFiles
{
    /// <summary>A one-page PDF a reader opens (objects, cross-reference table and trailer), padded to at least <paramref name="minimumBytes"/>.</summary>
    public static byte[] Pdf(int minimumBytes = 0)
    {
        var plain = Pdf("");
        return plain.Length >= minimumBytes ? plain : Pdf($"% {new string('x', minimumBytes - plain.Length)}\n");
    }

    private static byte[] Pdf(string padding)
    {
        var body = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        foreach (var obj in new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        })
        {
            offsets.Add(body.Length);
            body.Append(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{obj}\nendobj\n");
        }

        body.Append(padding);
        var xref = body.Length;
        body.Append("xref\n0 4\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            body.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        body.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(body.ToString());
    }

    /// <summary>A 1×1 PNG (signature, IHDR, IDAT, IEND).</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A minimal Word document: the parts a .docx needs, zipped.</summary>
    public static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                  <Default Extension="xml" ContentType="application/xml"/>
                  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>
                """);
            Add(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>
                """);
            Add(zip, "word/document.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>申报材料</w:t></w:r></w:p></w:body></w:document>
                """);
        }

        return buffer.ToArray();
    }

    /// <summary>A zip that is not an Office document (no [Content_Types].xml).</summary>
    public static byte[] PlainZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "run.bat", "echo hello");
        }

        return buffer.ToArray();
    }

    /// <summary>The start of a Windows executable: the MZ header and the DOS stub's message.</summary>
    public static byte[] WindowsExecutable() =>
        [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. "This program cannot be run in DOS mode."u8];

    /// <summary>The start of a Linux executable (ELF, 64-bit, little-endian).</summary>
    public static byte[] LinuxExecutable() => [0x7F, .. "ELF"u8, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

    /// <summary>A multipart/form-data body with one file in field <c>file</c>, sent with the media type a browser would claim.</summary>
    public static MultipartFormDataContent Upload(byte[] content, string fileName, string claimedType = "application/pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}

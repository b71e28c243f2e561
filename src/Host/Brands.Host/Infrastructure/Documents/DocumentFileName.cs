using System.Globalization;
using System.Text;

namespace Brands.Host.Infrastructure.Documents;

/// <summary>
/// File names as data: what the uploader called the file is kept (markup and quotes included, shown encoded by every
/// page and returned as a JSON string by the API), but without folders, control or direction-override characters,
/// and sent back in a Content-Disposition header that nothing in the name can break.
/// </summary>
internal static class DocumentFileName
{
    public const int MaxLength = 200;
    private const string Fallback = "document";

    /// <summary>
    /// Without a Windows folder some browsers send (<c>C:\Users\…\x.pdf</c>: what follows the last backslash), control
    /// and bidirectional-override characters, at most <see cref="MaxLength"/> characters. A <c>/</c> stays: it is
    /// data here (names never become paths on the server), as in <c>&lt;/script&gt;</c>.
    /// </summary>
    public static string Clean(string? name)
    {
        var last = (name ?? "").Split('\\').Last();
        var builder = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            var category = char.GetUnicodeCategory(c);
            if (!char.IsControl(c) && category != UnicodeCategory.Format && category != UnicodeCategory.LineSeparator
                && category != UnicodeCategory.ParagraphSeparator)
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim().Trim('.').Trim();
        if (cleaned.Length > MaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length <= 10 ? extension : "";
            cleaned = cleaned[..(MaxLength - extension.Length)] + extension;
        }

        return cleaned.Length == 0 ? Fallback : cleaned;
    }

    /// <summary>
    /// <c>attachment; filename="…"; filename*=UTF-8''…</c> (RFC 6266): an ASCII stand-in where every character other
    /// than letters, digits, dot, dash and underscore is <c>_</c>, and the real name percent-encoded.
    /// </summary>
    public static string ContentDisposition(string name)
    {
        var ascii = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            ascii.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }
}

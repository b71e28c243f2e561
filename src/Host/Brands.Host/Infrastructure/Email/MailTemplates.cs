using System.Text;
using System.Text.RegularExpressions;

namespace Brands.Host.Infrastructure.Email;

/// <summary>
/// The mail templates embedded from Infrastructure/Email/Templates: <c>&lt;name&gt;.&lt;language&gt;.txt</c>, a first line
/// <c>Subject: …</c> and the body, with <c>{field}</c> placeholders (README, "Email"). Every template exists in every
/// language of <see cref="MailLanguages"/> (checked when loaded).
/// </summary>
internal sealed partial class MailTemplates
{
    private const string ResourcePrefix = "MailTemplates/";
    private readonly Dictionary<(string Name, string Language), (string Subject, string Body)> _templates;

    private MailTemplates(Dictionary<(string, string), (string, string)> templates) => _templates = templates;

    public static MailTemplates Load()
    {
        var assembly = typeof(MailTemplates).Assembly;
        var templates = new Dictionary<(string, string), (string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = resource[ResourcePrefix.Length..^".txt".Length];
            var language = MailLanguages.All.Single(l => file.EndsWith("." + l, StringComparison.Ordinal));
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!, Encoding.UTF8);
            var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
            var subject = text[..firstLineEnd];
            if (!subject.StartsWith("Subject: ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Mail template {file} does not start with 'Subject: '.");
            }

            templates[(file[..^(language.Length + 1)], language)] = (subject["Subject: ".Length..], text[(firstLineEnd + 1)..]);
        }

        foreach (var name in templates.Keys.Select(k => k.Item1).Concat(MailTemplateNames.ForSendTasks).Append(MailTemplateNames.Digest).Distinct())
        {
            if (MailLanguages.All.FirstOrDefault(l => !templates.ContainsKey((name, l))) is { } missing)
            {
                throw new InvalidOperationException($"Mail template {name} has no {missing} version.");
            }
        }

        return new MailTemplates(templates);
    }

    public bool Has(string name) => _templates.ContainsKey((name, MailLanguages.Chinese));

    /// <summary>Fills the template in <paramref name="language"/> (Chinese for any other); a field without a value is left empty.</summary>
    public RenderedMail Render(string name, string language, IReadOnlyDictionary<string, string?> values)
    {
        var chosen = MailLanguages.All.Contains(language) ? language : MailLanguages.Chinese;
        var (subject, body) = _templates.TryGetValue((name, chosen), out var template) ? template
            : throw new PermanentMailException($"There is no mail template '{name}'.");
        string Fill(string text) => Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value ?? "" : "");
        return new RenderedMail(Fill(subject).ReplaceLineEndings(" "), Fill(body), chosen);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}

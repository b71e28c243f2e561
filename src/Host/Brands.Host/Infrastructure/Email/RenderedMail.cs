namespace Brands.Host.Infrastructure.Email;

/// <summary>A template filled in: the subject line and the plain-text body.</summary>
internal sealed record RenderedMail(string Subject, string Body, string Language);

namespace Brands.Host.Infrastructure.Documents;

/// <summary>A kind of file the host accepts: what it is called and the media type it is served with.</summary>
internal sealed record DocumentKind(string Name, string ContentType);

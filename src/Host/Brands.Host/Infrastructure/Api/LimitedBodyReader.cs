using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Brands.Host.Infrastructure.Api;

/// <summary>Reads a text body of at most a given size, refusing larger ones before or while they arrive.</summary>
internal static class LimitedBodyReader
{
    /// <summary>
    /// Refuses at once when Content-Length is over <paramref name="limit"/>; otherwise lowers the server's body limit
    /// to <paramref name="limit"/> and reads at most <paramref name="limit"/> + 1 bytes, so a chunked upload without
    /// a length is cut off too and never buffered whole.
    /// </summary>
    public static async Task<string> ReadTextAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw new RequestBodyTooLargeException(limit);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new RequestBodyTooLargeException(limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new RequestBodyTooLargeException(limit);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}

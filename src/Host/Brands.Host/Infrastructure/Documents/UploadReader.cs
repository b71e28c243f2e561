using Brands.Host.Infrastructure.Api;
using Brands.Host.Infrastructure.Mediation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace Brands.Host.Infrastructure.Documents;

/// <summary>
/// Reads the one file of a multipart/form-data upload (field <c>file</c>), refusing more than the size limit before
/// or while it arrives (413). An upload signed in with the cookie (a browser) must carry the antiforgery token, in
/// the form or the <c>RequestVerificationToken</c> header; one with a bearer token cannot be forged by another site.
/// </summary>
internal static class UploadReader
{
    public const string FieldName = "file";

    /// <summary>Room for the multipart boundaries, headers and the antiforgery field around the file.</summary>
    private const long EnvelopeBytes = 64 * 1024;

    public static async Task<UploadedFile> ReadAsync(HttpContext context, long maxBytes, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw Invalid("Send the file as multipart/form-data in a field named 'file'.");
        }

        if (request.ContentLength > maxBytes + EnvelopeBytes)
        {
            throw new RequestBodyTooLargeException(maxBytes);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBytes + EnvelopeBytes;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new RequestBodyTooLargeException(maxBytes);
        }
        catch (InvalidDataException exception)
        {
            throw Invalid($"The multipart body cannot be read: {exception.Message}");
        }

        if (request.Headers.Authorization.Count == 0)
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                throw new RequestValidationException(new Dictionary<string, string[]>
                {
                    ["__RequestVerificationToken"] = ["The antiforgery token is missing or invalid: reload the page and upload again."],
                });
            }
        }

        return await FromFormAsync(form, maxBytes, cancellationToken);
    }

    /// <summary>The one file of an already read form (a page's upload form).</summary>
    public static async Task<UploadedFile> FromFormAsync(IFormCollection form, long maxBytes, CancellationToken cancellationToken)
    {
        if (form.Files.Count != 1 || form.Files[0] is not { } file)
        {
            throw Invalid(form.Files.Count == 0 ? "No file was sent: choose one file." : "Send one file per upload.");
        }

        if (file.Length > maxBytes)
        {
            throw new RequestBodyTooLargeException(maxBytes);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return new UploadedFile(file.FileName, buffer.ToArray());
    }

    private static RequestValidationException Invalid(string message) =>
        new(new Dictionary<string, string[]> { [FieldName] = [message] });
}

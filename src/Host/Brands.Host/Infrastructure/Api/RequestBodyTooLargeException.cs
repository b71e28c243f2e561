namespace Brands.Host.Infrastructure.Api;

/// <summary>The request body is larger than the endpoint accepts (HTTP 413).</summary>
internal sealed class RequestBodyTooLargeException(long limit)
    : Exception($"The request body is larger than the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}

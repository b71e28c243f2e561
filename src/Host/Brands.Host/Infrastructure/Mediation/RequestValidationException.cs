namespace Brands.Host.Infrastructure.Mediation;

/// <summary>A request's fields are wrong; answered with 400 and the field errors.</summary>
internal sealed class RequestValidationException(IDictionary<string, string[]> errors)
    : Exception("The request has invalid fields.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}

using MediatR;

namespace Brands.Host.Infrastructure.Mediation;

/// <summary>Refuses requests whose <see cref="IValidatedRequest.Validate"/> finds problems, before any work is done.</summary>
internal sealed class ValidationBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IValidatedRequest validated && validated.Validate() is { Count: > 0 } errors)
        {
            throw new RequestValidationException(errors);
        }

        return next();
    }
}

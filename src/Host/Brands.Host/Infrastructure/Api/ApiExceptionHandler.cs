using System.Text.Json;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using Brands.Workflows.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Brands.Host.Infrastructure.Api;

/// <summary>Turns the engine's and the framework's exceptions into problem+json answers with the right status.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        BpmnValidationException e => BpmnProblem(e),
        RequestValidationException e => new HttpValidationProblemDetails(e.Errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
        },
        NotVisibleException e => Problem(StatusCodes.Status404NotFound, "Not found.", e.Message),
        AccessDeniedException e => Problem(StatusCodes.Status403Forbidden, "Forbidden.", e.Message),
        WorkflowNotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found.", e.Message),
        WorkflowConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict.", e.Message),
        MessageCorrelationException e => AmbiguousMessage(e),
        WorkflowConcurrencyException e => Problem(StatusCodes.Status409Conflict, "Conflict.", e.Message),
        WorkflowInputException e => Problem(StatusCodes.Status400BadRequest, "Invalid input.", e.Message),
        RequestBodyTooLargeException e => Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", e.Message),
        BadHttpRequestException e => Problem(e.StatusCode, "Bad request.", Describe(e)),
        JsonException e => Problem(StatusCodes.Status400BadRequest, "The body is not valid JSON.", e.Message),
        _ => null,
    };

    private static ProblemDetails AmbiguousMessage(MessageCorrelationException exception)
    {
        var problem = Problem(StatusCodes.Status409Conflict, "The message matches more than one receiver.", exception.Message);
        problem.Extensions["caseIds"] = exception.CaseIds;
        problem.Extensions["definitionIds"] = exception.DefinitionIds;
        return problem;
    }

    private static ProblemDetails BpmnProblem(BpmnValidationException exception)
    {
        var problem = Problem(StatusCodes.Status400BadRequest, "The BPMN file was refused.",
            $"{exception.Errors.Count} problem(s) found; see errors.");
        problem.Extensions["errors"] = exception.Errors
            .Select(e => new { elementId = e.ElementId, line = e.Line, message = e.Message })
            .ToArray();
        return problem;
    }

    /// <summary>For a body that is not the expected JSON: where (JSON path, line, byte) and what, without CLR type names.</summary>
    private static string Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is not JsonException json)
        {
            return exception.Message;
        }

        var where = $"at {json.Path ?? "$"} (line {(json.LineNumber ?? 0) + 1}, byte {json.BytePositionInLine ?? 0})";
        var message = json.Message;
        var pathStart = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (pathStart >= 0)
        {
            message = message[..pathStart];
        }

        return message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"The request body is not the expected JSON: the value {where} has the wrong type (variables, for one, must be a JSON object)."
            : $"The request body is not valid JSON {where}: {message}";
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}

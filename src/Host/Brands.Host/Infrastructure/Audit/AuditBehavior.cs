using System.Globalization;
using System.Reflection;
using System.Text;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Api;
using Brands.Host.Infrastructure.Auth;
using MediatR;

namespace Brands.Host.Infrastructure.Audit;

/// <summary>
/// Writes every administrative action to the audit log with its outcome: every request marked
/// <see cref="IAdminRequest"/>, every assignment of a task, and every task action done on behalf of its assignee
/// (<see cref="AccessDecision.OnBehalfOf"/>). Runs after authorisation, so it records what an allowed user did,
/// whether the action then succeeded or was refused.
/// </summary>
internal sealed class AuditBehavior<TRequest, TResponse>(AuditLog audit, AccessScope scope, AccessDecision decision, IHttpContextAccessor http)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var onBehalfOf = request is ITaskRequest { Action: not TaskAction.Assign } ? decision.OnBehalfOf : null;
        var audited = request is IAdminRequest or ITaskRequest { Action: TaskAction.Assign } || onBehalfOf is not null;
        if (!audited)
        {
            return await next();
        }

        TResponse response;
        try
        {
            response = await next();
        }
        catch (Exception exception)
        {
            await RecordAsync(request, onBehalfOf, Describe(exception));
            throw;
        }

        await RecordAsync(request, onBehalfOf, response is IRefusableResponse { Refusal: { } refusal } ? $"refused: {refusal}" : AuditActions.Succeeded);
        return response;
    }

    private Task RecordAsync(TRequest request, string? onBehalfOf, string outcome)
    {
        var type = typeof(TRequest);
        var action = type.DeclaringType?.Name ?? type.Name;
        var context = http.HttpContext;
        return audit.RecordAsync(action, scope.User.UserName, outcome, context is null ? null : AuthSetup.ClientOf(context),
            Target(request), onBehalfOf, Detail(request));
    }

    private static string Describe(Exception exception) =>
        ApiExceptionHandler.ToProblem(exception) is { } problem
            ? $"refused {problem.Status}: {problem.Detail ?? problem.Title}"
            : $"failed: {exception.GetType().Name}";

    private static string? Target(TRequest request) => request switch
    {
        ITaskRequest task => $"task:{task.TaskId}",
        ICaseRequest @case => $"case:{@case.CaseId}",
        _ => typeof(TRequest).GetProperty("JobId")?.GetValue(request) is Guid job ? $"job:{job}" : null,
    };

    /// <summary>The request's plain fields as <c>name=value</c>; never passwords, documents or whole files.</summary>
    private static string? Detail(TRequest request)
    {
        var builder = new StringBuilder();
        foreach (var property in typeof(TRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!IsPlain(property.PropertyType) || property.PropertyType == typeof(TaskAction) || IsSecretOrBulk(property.Name)
                || property.GetValue(request) is not { } value)
            {
                continue;
            }

            var text = value is IFormattable formattable
                ? formattable.ToString(value is DateTimeOffset ? "O" : null, CultureInfo.InvariantCulture)
                : value.ToString() ?? "";
            builder.Append(builder.Length == 0 ? "" : "; ").Append(property.Name).Append('=').Append(text.Length > 100 ? text[..100] + "…" : text);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    private static bool IsPlain(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner.IsPrimitive || inner.IsEnum || inner == typeof(string) || inner == typeof(Guid) || inner == typeof(DateTimeOffset);
    }

    private static bool IsSecretOrBulk(string name) =>
        name.Contains("Password", StringComparison.OrdinalIgnoreCase) || name is "Xml" or "Json";
}

using System.Linq.Expressions;

namespace Brands.Workflows.EntityFrameworkCore.Mapping;

/// <summary>Combines LINQ predicates into one that EF Core can translate (no <c>Invoke</c> nodes).</summary>
internal static class Predicates
{
    public static Expression<Func<T, bool>> OrElse<T>(Expression<Func<T, bool>>? left, Expression<Func<T, bool>> right)
    {
        if (left is null)
        {
            return right;
        }

        var parameter = left.Parameters[0];
        var body = new ParameterReplacer(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, body), parameter);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

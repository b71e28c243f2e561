using System.Linq.Expressions;

namespace Brands.Host.Infrastructure.Access;

/// <summary>Joins predicates with OR into one expression a database provider can translate.</summary>
internal static class PredicateBuilder
{
    public static Expression<Func<T, bool>> Or<T>(IReadOnlyList<Expression<Func<T, bool>>> predicates)
    {
        if (predicates.Count == 0)
        {
            return _ => false;
        }

        var parameter = predicates[0].Parameters[0];
        var body = predicates[0].Body;
        foreach (var next in predicates.Skip(1))
        {
            body = Expression.OrElse(body, new ReplaceParameter(next.Parameters[0], parameter).Visit(next.Body));
        }

        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

namespace Brands.Host.Infrastructure.Email;

/// <summary>The outbox topic and send-task topic of email (README, "Email").</summary>
internal static class EmailTopic
{
    public const string Name = "email";
}

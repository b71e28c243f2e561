namespace Brands.Host.Infrastructure.Email;

/// <summary>How one user wants their mail: language and delivery (README, "Email"). No row: Chinese, immediately.</summary>
internal sealed class NotificationSetting
{
    public required string UserName { get; init; }
    public required string Language { get; set; }
    /// <summary><see cref="MailDelivery.Immediate"/> or <see cref="MailDelivery.Digest"/>.</summary>
    public required string Delivery { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

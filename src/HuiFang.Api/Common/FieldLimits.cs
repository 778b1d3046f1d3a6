namespace HuiFang.Api.Common;

/// <summary>Column lengths; validators use the same numbers so that nothing is cut in the database.</summary>
public static class FieldLimits
{
    public const int ExternalId = 64;
    public const int TenantId = 64;
    public const int IdempotencyKey = 255;
    public const int Hash = 64;
    public const int Name = 100;
    public const int Phone = 32;
    public const int WorkOrderNo = 64;
    public const int Code = 64;
    public const int Reason = 500;
    public const int LongText = 2000;

    /// <summary>A tenant's calendar as stored JSON.</summary>
    public const int CalendarJson = 20_000;
}

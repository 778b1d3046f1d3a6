namespace HuiFang.Api.Common;

/// <summary>
/// Masks a phone number the way the record template of docs/follow-up-rules.md shows one: the last four digits
/// stay, and a number of 11 digits or more also keeps its first three (138****5678), which tell the
/// carrier or area but not the person. Separators are dropped; a leading + stays.
/// </summary>
public static class PhoneMask
{
    public static string? Mask(string? phone)
    {
        if (phone is null)
        {
            return null;
        }

        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        var plus = phone.TrimStart().StartsWith('+') ? "+" : "";
        if (digits.Length <= 4)
        {
            return plus + new string('*', digits.Length);
        }

        var head = digits.Length >= 11 ? 3 : 0;
        return plus + digits[..head] + new string('*', digits.Length - head - 4) + digits[^4..];
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace HuiFang.Api.Common;

/// <summary>
/// Enums travel as exactly one member name. The framework's string-enum converter also reads
/// <c>"AfterSales, ComplaintFollowUp"</c> (stored as the bitwise OR of two members, which can even be a third
/// member) and digits; this one reads a member's name (any letter case) and nothing else.
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw new InvalidEnumValueException(typeof(TEnum));

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString());

        private static TEnum Parse(string? text) =>
            InputRules.TryParseName<TEnum>(text, out var value) ? value : throw new InvalidEnumValueException(typeof(TEnum));
    }
}

/// <summary>A body value that is not exactly one member of its enum; the message lists the members.</summary>
public sealed class InvalidEnumValueException(Type type) : JsonException(InputRules.EnumMessage(type));

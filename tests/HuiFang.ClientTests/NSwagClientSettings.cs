using System.Text.Json;
using System.Text.Json.Serialization;

namespace HuiFang.ClientTests.NSwag;

/// <summary>
/// What docs/api-and-errors.md tells an integrator to add to an NSwag System.Text.Json client: NSwag puts a
/// string-enum converter on each enum property, but not on the items of a list of enums (a feedback's
/// <c>categories</c>, the survey policy's <c>autoInviteChannels</c>), which then travel as numbers the
/// service refuses, and arrive as strings the client cannot read. One converter for the whole client fixes both.
/// </summary>
public partial class HuiFangNSwagClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.Converters.Add(new JsonStringEnumConverter());
}

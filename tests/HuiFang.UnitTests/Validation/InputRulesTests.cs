using HuiFang.Api.Common;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.UnitTests.Validation;

public sealed class InputRulesTests
{
    [Theory]
    [InlineData("Phone", true)]
    [InlineData("phone", true)]
    [InlineData("Phone, Sms", false)]
    [InlineData("Phone,Sms", false)]
    [InlineData("0", false)]
    [InlineData("3", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void An_enum_is_read_from_one_members_name_and_nothing_else(string? text, bool read)
    {
        Assert.Equal(read, InputRules.TryParseName<ContactChannel>(text, out var channel));
        if (read)
        {
            Assert.Equal(ContactChannel.Phone, channel);
        }
    }

    /// <summary>A fact, not a theory: theory data travels as UTF-8, which turns a lone surrogate into U+FFFD.</summary>
    [Fact]
    public void Text_every_provider_stores_alike_passes_and_other_text_is_named_with_its_position()
    {
        Assert.Null(InputRules.TextProblem("plain"));
        Assert.Null(InputRules.TextProblem("王先生 " + char.ConvertFromUtf32(0x1F600)));
        Assert.Equal(Messages.Get("validation.nulCharacter", 1), InputRules.TextProblem("a\0b"));
        Assert.Equal(Messages.Get("validation.loneSurrogate", 1), InputRules.TextProblem("a" + (char)0xD800 + "b"));
        Assert.Equal(Messages.Get("validation.loneSurrogate", 1), InputRules.TextProblem("a" + (char)0xDC00));
        Assert.Equal(Messages.Get("validation.loneSurrogate", 0), InputRules.TextProblem(((char)0xD83D).ToString()));
        Assert.Equal(Messages.Get("validation.loneSurrogate", 1), InputRules.TextProblem("x" + (char)0xDE00 + (char)0xD83D));
    }
}

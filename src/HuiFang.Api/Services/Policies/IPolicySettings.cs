namespace HuiFang.Api.Services.Policies;

/// <summary>The settings shape of a policy document: what callers send and read, turned into the policy and back.</summary>
public interface IPolicySettings<TSelf, TPolicy>
    where TSelf : IPolicySettings<TSelf, TPolicy>
{
    TPolicy ToPolicy();

    static abstract TSelf From(TPolicy policy);
}

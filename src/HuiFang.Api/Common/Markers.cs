using HuiFang.Api.Infrastructure.Persistence;
namespace HuiFang.Api.Common;

/// <summary>A command whose handler runs inside one database transaction (see <see cref="TransactionBehavior{TMessage,TResponse}"/>).</summary>
public interface ITransactional;

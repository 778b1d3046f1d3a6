using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HuiFang.Api.Infrastructure.Persistence;

// Used only by `dotnet ef migrations add`: no database is contacted, so the connection strings are placeholders.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHuiFangDbContext>
{
    public SqliteHuiFangDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHuiFangDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHuiFangDbContext>
{
    public PostgresHuiFangDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHuiFangDbContext>().UseNpgsql("Host=localhost;Database=huifang").Options);
}

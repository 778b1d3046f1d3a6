using HuiFang.Api.Infrastructure.Configuration;
using HuiFang.Api.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace HuiFang.UnitTests.Infrastructure;

public sealed class DatabaseSetupTests
{
    [Fact]
    public void The_embedded_default_is_a_sqlite_file_under_the_content_root_whose_folder_is_created()
    {
        var root = Path.Combine(Path.GetTempPath(), $"huifang-root-{Guid.NewGuid():N}");

        var target = DatabaseSetup.Resolve(new DatabaseOptions(), connectionString: "", root);

        var expected = Path.Combine(root, "data", "huifang.db");
        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Contains(expected, target.ConnectionString);
        Assert.Equal($"SQLite database {expected}", target.Description);
        Assert.True(Directory.Exists(Path.Combine(root, "data")));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void A_sqlite_connection_string_wins_over_the_path() =>
        Assert.Equal("Data Source=/tmp/other.db", DatabaseSetup.Resolve(new DatabaseOptions(), "Data Source=/tmp/other.db", "/nowhere").ConnectionString);

    [Fact]
    public void Postgres_is_described_without_its_password()
    {
        var target = DatabaseSetup.Resolve(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql }, "Host=db;Port=5432;Database=huifang;Username=u;Password=secret", "/");

        Assert.Equal("PostgreSQL database 'huifang' on db:5432", target.Description);
        Assert.DoesNotContain("secret", target.Description);
    }

    [Fact]
    public void Postgres_without_a_connection_string_names_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => DatabaseSetup.Resolve(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql }, null, "/"));

        Assert.Contains("ConnectionStrings:HuiFang", error.Message);
    }

    [Fact]
    public void Postgres_connections_prepare_repeated_statements_and_skip_the_reset_unless_the_operator_says_otherwise()
    {
        var target = DatabaseSetup.Resolve(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql }, "Host=db;Database=huifang;Username=u;Password=secret", "/");
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString);

        Assert.Equal(100, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("secret", tuned.Password);

        var own = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.WithServiceDefaults("Host=db;Max Auto Prepare=0;No Reset On Close=false;Auto Prepare Min Usages=5"));
        Assert.Equal(0, own.MaxAutoPrepare);
        Assert.Equal(5, own.AutoPrepareMinUsages);
        Assert.False(own.NoResetOnClose);
    }

    [Fact]
    public void Postgres_connections_do_not_probe_gss_encryption_unless_the_operator_asks_for_it()
    {
        // Npgsql's default (Prefer) loads libgssapi_krb5 on every new physical connection; the image has no
        // Kerberos library, and the loader writes a line that is not JSON to the container's output.
        var target = DatabaseSetup.Resolve(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql }, "Host=db;Database=huifang;Username=u;Password=secret", "/");
        Assert.Equal(Npgsql.GssEncryptionMode.Disable, new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString).GssEncryptionMode);

        var own = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.WithServiceDefaults("Host=db;GSS Encryption Mode=Require"));
        Assert.Equal(Npgsql.GssEncryptionMode.Require, own.GssEncryptionMode);
        var alias = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.WithServiceDefaults("Host=db;GssEncryptionMode=Prefer"));
        Assert.Equal(Npgsql.GssEncryptionMode.Prefer, alias.GssEncryptionMode);
    }
}

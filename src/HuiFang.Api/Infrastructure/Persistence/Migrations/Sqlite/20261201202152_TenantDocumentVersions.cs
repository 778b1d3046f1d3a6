using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuiFang.Api.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TenantDocumentVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EscalationPolicyUpdatedAt",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationPolicyVersion",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "FollowUpPolicyUpdatedAt",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpPolicyVersion",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Until now one version counted every change of the tenant row and every document's ETag was that
            // number. Each document continues from it, so an ETag a client holds stays valid across the upgrade
            // and no version goes back; from here on each moves only with its own document.
            migrationBuilder.Sql("""
                UPDATE "Tenants" SET
                    "EscalationPolicyVersion" = "Version",
                    "FollowUpPolicyVersion" = "Version",
                    "EscalationPolicyUpdatedAt" = CASE WHEN "EscalationPolicyJson" IS NULL THEN NULL ELSE "UpdatedAt" END,
                    "FollowUpPolicyUpdatedAt" = CASE WHEN "FollowUpPolicyJson" IS NULL THEN NULL ELSE "UpdatedAt" END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EscalationPolicyUpdatedAt",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "EscalationPolicyVersion",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "FollowUpPolicyUpdatedAt",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "FollowUpPolicyVersion",
                table: "Tenants");
        }
    }
}

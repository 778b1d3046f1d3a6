using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuiFang.Api.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUpPolicyAndIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FollowUpPolicyJson",
                table: "Tenants",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ServiceRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkOrderNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomerExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CustomerPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CustomerPreferredChannel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ServiceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Staff = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Department = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    RuleName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DefaultRuleApplied = table.Column<bool>(type: "boolean", nullable: false),
                    Mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    SelectedBefore = table.Column<int>(type: "integer", nullable: false),
                    Rate = table.Column<double>(type: "double precision", nullable: false),
                    Target = table.Column<double>(type: "double precision", nullable: false),
                    HashScore = table.Column<double>(type: "double precision", nullable: true),
                    TierFrom = table.Column<int>(type: "integer", nullable: true),
                    TierUpTo = table.Column<int>(type: "integer", nullable: true),
                    TierPercent = table.Column<int>(type: "integer", nullable: true),
                    TierCount = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Timing = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VisitTaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConflictingTaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    PolicyVersion = table.Column<int>(type: "integer", nullable: false),
                    PersonalDataErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_TenantId_CompletedAt",
                table: "ServiceRecords",
                columns: new[] { "TenantId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_TenantId_CustomerExternalId",
                table: "ServiceRecords",
                columns: new[] { "TenantId", "CustomerExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_TenantId_RuleName_Month_Outcome",
                table: "ServiceRecords",
                columns: new[] { "TenantId", "RuleName", "Month", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_TenantId_WorkOrderNo",
                table: "ServiceRecords",
                columns: new[] { "TenantId", "WorkOrderNo" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceRecords");

            migrationBuilder.DropColumn(
                name: "FollowUpPolicyJson",
                table: "Tenants");
        }
    }
}

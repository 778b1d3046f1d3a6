global using HuiFang.IntegrationTests.Infrastructure;

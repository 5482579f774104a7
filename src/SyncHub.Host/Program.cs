return await SyncHub.Host.SyncHubApp.RunAsync(args);

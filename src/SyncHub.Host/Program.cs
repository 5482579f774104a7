return args is ["healthcheck", ..]
    ? await SyncHub.Host.HealthProbe.RunAsync(args.Length > 1 ? args[1] : "http://127.0.0.1:8080/health/ready")
    : await SyncHub.Host.SyncHubApp.RunAsync(args);

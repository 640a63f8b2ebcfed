using ClusterRamDisk.Silo.Hosting;

return await SiloProcess.RunAsync(args);

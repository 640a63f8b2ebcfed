using ClusterRamDisk.Silo.Membership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClusterRamDisk.Silo.Draining;

public static class DrainingSiloBuilderExtensions
{
    /// <summary>
    /// Makes a stopping silo hand its directories to the others first (see <see cref="DirectoryDrainer"/>). Only for silos
    /// with peers: a lone silo has nowhere to send them and would never stop.
    /// </summary>
    /// <param name="giveUpAfter">
    /// How long to keep serving directories no other silo has room for before stopping anyway (and losing them);
    /// null, the default, waits until the process is killed.
    /// </param>
    public static ISiloBuilder AddDirectoryDraining(this ISiloBuilder silo, TimeSpan? giveUpAfter = null)
    {
        silo.Services.AddSingleton(new DrainingPatience(giveUpAfter));
        silo.Services.TryAddSingleton<DataSilos>();
        silo.Services.AddSingleton<DirectoryDrainer>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<DirectoryDrainer>());
        return silo;
    }
}

using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace ClusterRamDisk.Tests.Grains;

/// <summary>
/// Grain storage shared by all silos of one in-process test cluster and outliving any of them, as Redis does for a real
/// cluster. States are kept serialized, so no two activations ever share an object.
/// </summary>
internal sealed class ClusterWideTestStorage(ConcurrentDictionary<(string, GrainId), byte[]> states, Serializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (states.TryGetValue((stateName, grainId), out var bytes))
        {
            grainState.State = serializer.Deserialize<T>(bytes);
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        states[(stateName, grainId)] = serializer.SerializeToArray(grainState.State);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        states.TryRemove((stateName, grainId), out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}

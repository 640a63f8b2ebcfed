using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.PageStores;
using static ClusterRamDisk.Grains.Interfaces.DiskGeometry;

namespace ClusterRamDisk.Tests.PageStores;

public sealed class ZstdPageStoreTests
{
    [Fact]
    public void TextLikePagesCompressWell()
    {
        using var store = PageStoreFactory.Create(AllocatorKind.Zstd, mlock: false, DirectorySize);
        var text = PageData.Text(new Random(6), 4 * PageSize);

        store.Write(PageSize, text);

        Assert.Equal(4 * PageSize, store.Usage.LogicalBytes);
        Assert.InRange(store.Usage.StoredBytes, 1, store.Usage.LogicalBytes / 4);
        Assert.Equal(text, ReadBack(store, PageSize, text.Length));
    }

    [Fact]
    public void RandomPagesAreStoredWithoutBlowUp()
    {
        using var store = PageStoreFactory.Create(AllocatorKind.Zstd, mlock: false, DirectorySize);
        var noise = PageData.Random(new Random(7), 4 * PageSize);

        store.Write(PageSize, noise);

        Assert.Equal(new DirectoryUsage(4 * PageSize, 4 * PageSize, 4), store.Usage);
        Assert.Equal(noise, ReadBack(store, PageSize, noise.Length));
    }

    [Fact]
    public void WholePageOverwritesSwitchBetweenCompressedAndPlainPages()
    {
        using var store = PageStoreFactory.Create(AllocatorKind.Zstd, mlock: false, 2 * PageSize);
        var text = PageData.Text(new Random(8), PageSize);
        var noise = PageData.Random(new Random(9), PageSize);

        store.Write(PageSize, text);
        var compressedSize = store.Usage.StoredBytes;
        store.Write(PageSize, noise);
        Assert.Equal(PageSize, store.Usage.StoredBytes);
        Assert.Equal(noise, ReadBack(store, PageSize, PageSize));

        store.Write(PageSize, text);
        Assert.Equal(compressedSize, store.Usage.StoredBytes);
        Assert.Equal(text, ReadBack(store, PageSize, PageSize));
        Assert.Equal(1, store.Usage.AllocatedPages);
    }

    private static byte[] ReadBack(IPageStore store, int offset, int length)
    {
        var buffer = new byte[length];
        store.Read(offset, buffer);
        return buffer;
    }
}

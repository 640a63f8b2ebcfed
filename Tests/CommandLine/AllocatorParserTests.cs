using ClusterRamDisk.Gateway.CommandLine;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Tests.CommandLine;

public class AllocatorParserTests
{
    [Theory]
    [InlineData("sparse", AllocatorKind.Sparse, false)]
    [InlineData("zstd", AllocatorKind.Zstd, false)]
    [InlineData("malloc", AllocatorKind.Malloc, false)]
    [InlineData("malloc,", AllocatorKind.Malloc, false)]
    [InlineData("malloc,mlock=true", AllocatorKind.Malloc, true)]
    [InlineData("malloc,mlock=TRUE", AllocatorKind.Malloc, true)]
    [InlineData("malloc,mlock=yes", AllocatorKind.Malloc, true)]
    [InlineData("malloc,mlock=1", AllocatorKind.Malloc, true)]
    [InlineData("malloc,mlock=on", AllocatorKind.Malloc, true)]
    [InlineData("malloc,mlock=false", AllocatorKind.Malloc, false)]
    [InlineData("malloc,mlock=no", AllocatorKind.Malloc, false)]
    [InlineData("malloc,mlock=0", AllocatorKind.Malloc, false)]
    [InlineData("malloc,mlock=true,mlock=false", AllocatorKind.Malloc, false)]
    public void Accepts(string text, AllocatorKind expectedKind, bool expectedMlock)
    {
        Assert.True(AllocatorParser.TryParse(text, out var kind, out var mlock, out var error), error);
        Assert.Equal(expectedKind, kind);
        Assert.Equal(expectedMlock, mlock);
    }

    [Theory]
    [InlineData("", "unknown allocator \"\"")]
    [InlineData("foo", "unknown allocator \"foo\"")]
    [InlineData("MALLOC", "unknown allocator \"MALLOC\"")]
    [InlineData("sparse,mlock=true", "allocator=sparse does not take extra parameters")]
    [InlineData("zstd,mlock=true", "allocator=zstd does not take extra parameters")]
    [InlineData("malloc,x=y", "allocator=malloc: unknown parameter \"x\"")]
    [InlineData("malloc,MLOCK=true", "allocator=malloc: unknown parameter \"MLOCK\"")]
    [InlineData("malloc,mlock=maybe", "could not read \"mlock=maybe\"")]
    [InlineData("malloc,mlock", "could not read \"mlock\"")]
    [InlineData("malloc,mlock=", "could not read \"mlock=\"")]
    public void Refuses(string text, string expectedMessagePart)
    {
        Assert.False(AllocatorParser.TryParse(text, out _, out _, out var error));
        Assert.Contains(expectedMessagePart, error);
    }
}

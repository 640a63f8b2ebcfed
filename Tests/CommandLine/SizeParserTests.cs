using ClusterRamDisk.Silo.Configuration;
using ClusterRamDisk.Gateway.CommandLine;

namespace ClusterRamDisk.Tests.CommandLine;

public class SizeParserTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1", 1L)]
    [InlineData("010", 10L)]
    [InlineData("5b", 5L)]
    [InlineData("5B", 5L)]
    [InlineData("1s", 512L)]
    [InlineData("1S", 512L)]
    [InlineData("1k", 1024L)]
    [InlineData("1K", 1024L)]
    [InlineData("1M", 1048576L)]
    [InlineData("3g", 3L << 30)]
    [InlineData("2T", 2L << 40)]
    [InlineData("1p", 1L << 50)]
    [InlineData("7E", 7L << 60)]
    [InlineData("8388607T", 8388607L << 40)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Accepts(string text, long expected)
    {
        Assert.True(SizeParser.TryParse(text, out var size, out var error), error);
        Assert.Equal(expected, size);
    }

    [Theory]
    [InlineData("", "expected a decimal number")]
    [InlineData("-1", "expected a decimal number")]
    [InlineData("+5", "expected a decimal number")]
    [InlineData(" 5", "expected a decimal number")]
    [InlineData("M", "expected a decimal number")]
    [InlineData("1MB", "unknown suffix \"MB\"")]
    [InlineData("1kb", "unknown suffix \"kb\"")]
    [InlineData("1.5M", "unknown suffix \".5M\"")]
    [InlineData("0x10", "unknown suffix \"x10\"")]
    [InlineData("1 M", "unknown suffix \" M\"")]
    [InlineData("1x", "unknown suffix \"x\"")]
    [InlineData("8E", "exceeds the maximum 9223372036854775807")]
    [InlineData("9223372036854775808", "exceeds the maximum")]
    [InlineData("18446744073709551616", "exceeds the maximum")]
    [InlineData("99999999999999999999999999999999999999999999", "exceeds the maximum")]
    [InlineData("8388608T", "exceeds the maximum")]
    [InlineData("18014398509481984s", "exceeds the maximum")]
    public void Refuses(string text, string expectedMessagePart)
    {
        Assert.False(SizeParser.TryParse(text, out _, out var error));
        Assert.Contains(expectedMessagePart, error);
    }
}

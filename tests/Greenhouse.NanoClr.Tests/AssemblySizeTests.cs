namespace Greenhouse.NanoClr.Tests;

/// <summary>
/// nanoFramework's PE format addresses a method's byte code and a string with 16-bit offsets, so an assembly's byte
/// code table and string table each hold at most 65,535 bytes; past that the MetadataProcessor refuses the assembly
/// ("Byte code table overflow"). The single unoptimised core reached 64,856 bytes of byte code (2026-12-02), so the
/// core is split in two device assemblies (Greenhouse.Core and Greenhouse.Controller over it), both built optimised.
/// This test reads each converted PE and fails while there is still room to act, not when the device build already
/// breaks (docs/device-fidelity.md, "Assembly size").
/// </summary>
[TestClass]
public sealed class AssemblySizeTests
{
    /// <summary>Most of either 16-bit table an assembly may fill: leaves about 5 KB for the next change.</summary>
    public const int MostTableBytes = 60_000;

    public TestContext TestContext { get; set; }

    [TestMethod]
    public void EachAssemblysByteCodeAndStringTablesLeaveRoomUnderTheFormatsLimit()
    {
        var kit = NanoKit.Require();
        var build = DeviceBuild.Get(kit);
        foreach (var pe in build.ControllerPes)
        {
            var tables = PeTables.Read(pe);
            var name = Path.GetFileName(pe);
            TestContext.WriteLine($"{name} {tables.Length} bytes: byte code {tables.ByteCode} bytes, strings {tables.Strings} bytes (limit 65,535 each)");
            Assert.IsTrue(tables.ByteCode <= MostTableBytes, $"{name}: byte code table {tables.ByteCode} bytes of 65,535: move a module to the other assembly, or split again, before it overflows");
            Assert.IsTrue(tables.Strings <= MostTableBytes, $"{name}: string table {tables.Strings} bytes of 65,535: move a module to the other assembly, or split again, before it overflows");
        }
    }

    [TestMethod]
    public void TheTableReaderFindsTheTablesOfAKnownHeader()
    {
        // NFMRK1 header: marker, 6 × uint32, version, name and string-table version, then 16 table offsets.
        var header = new byte[40 + 16 * 4];
        "NFMRK1"u8.CopyTo(header);
        int[] starts = { 124, 160, 320, 328, 744, 4032, 10232, 25992, 25992, 25996, 25996, 25996, 63304, 68180, 133036, 133036 };
        for (int i = 0; i < starts.Length; i++)
        {
            BitConverter.GetBytes(starts[i]).CopyTo(header, 40 + 4 * i);
        }

        var tables = PeTables.Parse(header);
        Assert.AreEqual(64_856, tables.ByteCode);
        Assert.AreEqual(37_308, tables.Strings);
        Assert.ThrowsExactly<InvalidDataException>(() => PeTables.Parse(new byte[100]));
    }
}

/// <summary>The table sizes of a nanoFramework PE (NFMRK1: TBL_Strings = 11, TBL_Signatures = 12, TBL_ByteCode = 13).</summary>
internal readonly record struct PeTables(int Length, int ByteCode, int Strings)
{
    private const int TableStarts = 40;

    public static PeTables Read(string path) => Parse(File.ReadAllBytes(path));

    public static PeTables Parse(byte[] pe)
    {
        if (pe.Length < TableStarts + 16 * 4 || pe[0] != 'N' || pe[1] != 'F' || pe[2] != 'M' || pe[3] != 'R' || pe[4] != 'K' || pe[5] != '1')
        {
            throw new InvalidDataException("not an NFMRK1 nanoFramework PE");
        }

        int Start(int table) => BitConverter.ToInt32(pe, TableStarts + 4 * table);
        return new PeTables(pe.Length, Start(14) - Start(13), Start(12) - Start(11));
    }
}

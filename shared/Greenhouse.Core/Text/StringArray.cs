namespace Greenhouse.Text
{
    /// <summary>
    /// The one way device code makes a <c>string[]</c> of a given length. nanoFramework's interpreter (upstream
    /// nf-interpreter, so the ESP32 firmware too) gives each fresh element of <c>new string[n]</c> a broken null:
    /// <c>== null</c> is false, <c>is string</c> is true, and comparing or concatenating it crashes the runtime
    /// (nanoFramework Home issue 1545; reproduced on the unpatched nanoCLR in ../shared/nanoclr). Storing
    /// <c>null</c> into an element gives a real null, so every element is stored here before anyone reads it.
    /// The IL gate (NFGATE010) rejects any other <c>new string[n]</c> that does not store every element at once.
    /// </summary>
    public static class StringArray
    {
        /// <summary>A string array of <paramref name="length"/> real nulls, the same on the device and the host.</summary>
        public static string[] New(int length)
        {
            string[] array = new string[length];
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = null;
            }

            return array;
        }
    }
}

using System;
using System.IO;
using Greenhouse.Ports;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// ISettingsStore on the ESP32's internal flash drive <c>I:\</c> (nanoFramework.System.IO.FileSystem): one
    /// file per blob (settings-a.txt, settings-b.txt, ca.pem). Power-cut safety comes from the core's two
    /// checksummed copies (Greenhouse.Persistence.SettingsPersistence): this adapter only moves bytes, and the core
    /// writes only when a value really changed.
    /// </summary>
    public sealed class FlashSettingsStore : ISettingsStore
    {
        private readonly string _root;

        /// <param name="root">Folder on the flash drive, e.g. "I:\\".</param>
        public FlashSettingsStore(string root)
        {
            _root = root == null || root.Length == 0 ? "I:\\" : root;
            if (_root[_root.Length - 1] != '\\')
            {
                _root = _root + "\\";
            }
        }

        public bool TryRead(string name, out byte[] content)
        {
            content = null;
            string path = PathOf(name);
            if (path == null)
            {
                return false;
            }

            try
            {
                if (!File.Exists(path))
                {
                    return false;
                }

                content = File.ReadAllBytes(path);
                return content != null;
            }
            catch (Exception)
            {
                content = null;
                return false;
            }
        }

        public bool Write(string name, byte[] content)
        {
            string path = PathOf(name);
            if (path == null)
            {
                return false;
            }

            try
            {
                File.WriteAllBytes(path, content);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public bool Delete(string name)
        {
            string path = PathOf(name);
            if (path == null)
            {
                return false;
            }

            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        private string PathOf(string name)
        {
            if (name == null || name.Length == 0 || name.IndexOf('\\') >= 0 || name.IndexOf('/') >= 0 || name.IndexOf("..") >= 0)
            {
                return null;
            }

            return _root + name;
        }
    }
}

package geoasset

// checksum is the IEEE CRC-32 of b, the same value as hash/crc32's
// ChecksumIEEE, computed four bits at a time from a 16-entry table.
// hash/crc32 costs the browser wasm about 7 KB of code (its slicing-by-8
// tables and their set-up), for one check of a ~32 KB asset per load;
// this costs 64 bytes of table and two table steps per byte.
func checksum(b []byte) uint32 {
	crc := ^uint32(0)
	for _, c := range b {
		crc = crcNibble[(crc^uint32(c))&15] ^ crc>>4
		crc = crcNibble[(crc^uint32(c>>4))&15] ^ crc>>4
	}
	return ^crc
}

// crcNibble[i] is the CRC-32 (reversed polynomial 0xEDB88320) of the four
// bits i.
var crcNibble = [16]uint32{
	0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
	0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
}

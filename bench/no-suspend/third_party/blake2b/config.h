/* config.h - not from libb2: written for bench/no-suspend in place of the
 * header libb2's configure generates; blake2-impl.h includes it. This
 * machine (x86-64) is little-endian, so loads and stores are memcpy. */
#define NATIVE_LITTLE_ENDIAN 1

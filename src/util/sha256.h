/* SHA-256 (FIPS 180-4), for the content hashes of generated files. */
#ifndef B24_SHA256_H
#define B24_SHA256_H
#include <stddef.h>

/* Writes the digest of data as 64 lower-case hex digits and a NUL into hex. */
void b24_sha256_hex(const void *data, size_t len, char hex[65]);

#endif

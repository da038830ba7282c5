#ifndef LEREND_CLIBZIP_SHIM_H
#define LEREND_CLIBZIP_SHIM_H

#include <zip.h>
// zlib comes with libzip-dev; the engine deflates rendered parts and computes
// their CRC-32 with it.
#include <zlib.h>

/// `deflateInit2` is a macro, which Swift cannot call: a raw deflate stream (no zlib
/// header, as zip stores it) at the given level.
static inline int lerend_deflate_init(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

#endif

#ifndef DANJU_JPEG_DECODE_H
#define DANJU_JPEG_DECODE_H

#include <stddef.h>

/// What checking a JPEG found.
typedef struct {
    /// The frame's size and number of colour components (1 grey, 3 YCbCr or RGB, 4 CMYK or YCCK).
    unsigned long width, height;
    int components;
    /// The decoder's first warning or error, empty when it had none.
    char message[200];
} danju_jpeg_result;

typedef enum {
    DANJU_JPEG_OK = 0,
    /// The decoder warned or failed: `message` says why.
    DANJU_JPEG_DAMAGED = 1,
    /// More than `max_pixels`, or more than `max_memory` bytes to decode: refused before the pixels are read.
    DANJU_JPEG_TOO_LARGE = 2,
} danju_jpeg_status;

/// Decodes the whole JPEG in `bytes` (`count` bytes) at an eighth of its size and throws the pixels away, stopping at
/// the decoder's first warning: every entropy-coded segment is read and every Huffman code checked. Bytes after the
/// end-of-image marker are not read. libjpeg may allocate at most `max_memory` bytes (a progressive JPEG holds all its
/// coefficients).
danju_jpeg_status danju_jpeg_check(const unsigned char *bytes, size_t count, unsigned long long max_pixels, long max_memory,
                                   danju_jpeg_result *result);

#endif

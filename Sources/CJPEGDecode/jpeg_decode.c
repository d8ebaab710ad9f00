// libjpeg reports errors by calling a function that must not return: it jumps back here with longjmp, which
// Swift cannot do. This file is the whole of that C, and nothing else.
#include "jpeg_decode.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>

typedef struct {
    struct jpeg_error_mgr manager;
    jmp_buf jump;
    danju_jpeg_result *result;
} failure;

static void stop(j_common_ptr info) {
    failure *f = (failure *)info->err;
    info->err->format_message(info, f->result->message);
    longjmp(f->jump, 1);
}

/// A warning (level -1) stops the decoding like an error: a photo the decoder had to guess at is damaged.
static void warn(j_common_ptr info, int level) {
    if (level < 0) stop(info);
}

/// The JPEG in memory, handed to libjpeg a few hundred bytes at a time: with less than 512 bytes per block of an
/// MCU in its buffer, libjpeg-turbo decodes Huffman codes on its checking path, which warns of a bad code that
/// its fast path would silently read as zero.
typedef struct {
    struct jpeg_source_mgr manager;
    const unsigned char *bytes;
    size_t count, next;
} source;

enum { piece = 256 };

static void start_source(j_decompress_ptr info) { (void)info; }
static void end_source(j_decompress_ptr info) { (void)info; }

static boolean fill(j_decompress_ptr info) {
    source *s = (source *)info->src;
    if (s->next >= s->count) {
        // The file ends before its end-of-image marker: cut short. The warning stops the decoding.
        WARNMS(info, JWRN_JPEG_EOF);
        static const JOCTET end[2] = {0xFF, JPEG_EOI};
        s->manager.next_input_byte = end;
        s->manager.bytes_in_buffer = 2;
        return TRUE;
    }
    size_t length = s->count - s->next < piece ? s->count - s->next : piece;
    s->manager.next_input_byte = s->bytes + s->next;
    s->manager.bytes_in_buffer = length;
    s->next += length;
    return TRUE;
}

static void skip(j_decompress_ptr info, long length) {
    source *s = (source *)info->src;
    while (length > (long)s->manager.bytes_in_buffer) {
        length -= (long)s->manager.bytes_in_buffer;
        fill(info);
    }
    if (length > 0) {
        s->manager.next_input_byte += length;
        s->manager.bytes_in_buffer -= (size_t)length;
    }
}

danju_jpeg_status danju_jpeg_check(const unsigned char *bytes, size_t count, unsigned long long max_pixels, long max_memory,
                                   danju_jpeg_result *result) {
    memset(result, 0, sizeof *result);
    struct jpeg_decompress_struct info;
    failure f;
    source s = {
        .manager = {.init_source = start_source, .fill_input_buffer = fill, .skip_input_data = skip,
                    .resync_to_restart = jpeg_resync_to_restart, .term_source = end_source},
        .bytes = bytes, .count = count, .next = 0,
    };
    info.err = jpeg_std_error(&f.manager);
    f.manager.error_exit = stop;
    f.manager.emit_message = warn;
    f.result = result;
    if (setjmp(f.jump)) {
        int code = f.manager.msg_code;
        jpeg_destroy_decompress(&info);
        return code == JERR_NO_BACKING_STORE || code == JERR_OUT_OF_MEMORY ? DANJU_JPEG_TOO_LARGE : DANJU_JPEG_DAMAGED;
    }
    jpeg_create_decompress(&info);
    info.mem->max_memory_to_use = max_memory;
    info.src = &s.manager;
    jpeg_read_header(&info, TRUE);
    result->width = info.image_width;
    result->height = info.image_height;
    result->components = info.num_components;
    if ((unsigned long long)info.image_width * info.image_height > max_pixels) {
        jpeg_destroy_decompress(&info);
        return DANJU_JPEG_TOO_LARGE;
    }
    // An eighth of the size, in the file's own colours, roughly: only the decoding is wanted, not the picture.
    info.scale_num = 1;
    info.scale_denom = 8;
    info.out_color_space = info.jpeg_color_space;
    info.dct_method = JDCT_IFAST;
    info.do_fancy_upsampling = FALSE;
    info.do_block_smoothing = FALSE;
    jpeg_start_decompress(&info);
    JSAMPARRAY row = (*info.mem->alloc_sarray)((j_common_ptr)&info, JPOOL_IMAGE, info.output_width * info.output_components, 1);
    while (info.output_scanline < info.output_height) jpeg_read_scanlines(&info, row, 1);
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return DANJU_JPEG_OK;
}

#pragma once

// The C interface of libllmos_sentencepiece.so, a module that wraps libsentencepiece.
//
// Why a module: Debian's libsentencepiece carries (and exports) its own protobuf 3.14,
// while libtorch uses the system libprotobuf 3.21. Linked into one process, one of the
// two binds to the other's symbols and the process crashes or aborts. llmos_core
// therefore never links libsentencepiece; it dlopen()s this module with
// RTLD_LOCAL | RTLD_DEEPBIND, so libsentencepiece resolves protobuf to its own copy.
//
// Only C types cross the boundary, and memory is freed on the side that allocated it:
// whatever the module hands out (error text, ids, decoded text) goes back through
// free_buffer. Every function is safe to call from several threads on one model,
// except free_model.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LLMOS_SPM_ABI_VERSION 1u
#define LLMOS_SPM_ENTRY_POINT "llmos_sentencepiece_api"

typedef struct llmos_spm_model llmos_spm_model;

typedef struct llmos_spm_api {
    uint32_t abi_version; // LLMOS_SPM_ABI_VERSION
    uint32_t struct_size; // sizeof(llmos_spm_api) as the module knows it

    // Loads a serialized ModelProto (the bytes of a tokenizer.model). Returns NULL on
    // failure and sets *error to a NUL-terminated message (free it with free_buffer).
    llmos_spm_model *(*load_bytes)(const char *data, size_t size, char **error);
    // The same for a file path.
    llmos_spm_model *(*load_file)(const char *path, char **error);
    void (*free_model)(llmos_spm_model *model);

    // 0 on success: *ids (free with free_buffer; may be NULL when *count is 0) and
    // *count. Non-zero on failure, with *error set.
    int (*encode)(const llmos_spm_model *model, const char *text, size_t size, int32_t **ids, size_t *count,
                  char **error);
    // 0 on success: *text (NUL-terminated, free with free_buffer) and *size. Non-zero
    // on failure, with *error set.
    int (*decode)(const llmos_spm_model *model, const int32_t *ids, size_t count, char **text, size_t *size,
                  char **error);

    int32_t (*piece_count)(const llmos_spm_model *model);
    // The piece of id, owned by the model (valid until free_model); NULL when id is out
    // of range.
    const char *(*id_to_piece)(const llmos_spm_model *model, int32_t id, size_t *size);
    // The id of piece, or the unk id when the model has no such piece (like
    // SentencePieceProcessor::PieceToId).
    int32_t (*piece_to_id)(const llmos_spm_model *model, const char *piece, size_t size);
    // 1 when id is a control piece (<s>, </s>), else 0.
    int (*is_control)(const llmos_spm_model *model, int32_t id);

    // -1 where the model has none.
    int32_t (*bos_id)(const llmos_spm_model *model);
    int32_t (*eos_id)(const llmos_spm_model *model);
    int32_t (*pad_id)(const llmos_spm_model *model);
    int32_t (*unk_id)(const llmos_spm_model *model);

    void (*free_buffer)(void *buffer);
} llmos_spm_api;

// The module's one exported symbol. Returns NULL when the module does not speak
// abi_version.
typedef const llmos_spm_api *(*llmos_spm_api_fn)(uint32_t abi_version);
__attribute__((visibility("default"))) const llmos_spm_api *llmos_sentencepiece_api(uint32_t abi_version);

#ifdef __cplusplus
}
#endif

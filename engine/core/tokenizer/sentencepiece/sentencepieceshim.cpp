// libllmos_sentencepiece.so: libsentencepiece behind the C interface of
// sentencepieceshim.h. Built with hidden visibility; only llmos_sentencepiece_api is
// exported. No C++ exception leaves this file.

#include "sentencepieceshim.h"

#include <sentencepiece_processor.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <vector>

struct llmos_spm_model {
    sentencepiece::SentencePieceProcessor sp;
};

namespace {

// A malloc'ed copy of text, so the caller can give it back through free_buffer.
char *copyString(const char *text, std::size_t size)
{
    char *out = static_cast<char *>(std::malloc(size + 1));
    if (!out) return nullptr;
    if (size) std::memcpy(out, text, size);
    out[size] = '\0';
    return out;
}

void setError(char **error, const std::string &message)
{
    if (error) *error = copyString(message.data(), message.size());
}

void setCurrentError(char **error)
{
    try {
        throw;
    } catch (const std::exception &e) {
        setError(error, e.what());
    } catch (...) {
        setError(error, "unknown error in libsentencepiece");
    }
}

// Makes a model with `load` (which returns a sentencepiece::util::Status); the model is
// owned by a unique_ptr until it is handed out, so no path leaks it.
template<typename Load>
llmos_spm_model *loadWith(char **error, Load load)
{
    try {
        auto model = std::make_unique<llmos_spm_model>();
        const auto status = load(model->sp);
        if (!status.ok()) {
            setError(error, status.ToString());
            return nullptr;
        }
        return model.release();
    } catch (...) {
        setCurrentError(error);
        return nullptr;
    }
}

llmos_spm_model *loadBytes(const char *data, std::size_t size, char **error)
{
    return loadWith(error, [&](sentencepiece::SentencePieceProcessor &sp) {
        return sp.LoadFromSerializedProto(absl::string_view(data, size));
    });
}

llmos_spm_model *loadFile(const char *path, char **error)
{
    return loadWith(error, [&](sentencepiece::SentencePieceProcessor &sp) { return sp.Load(path ? path : ""); });
}

void freeModel(llmos_spm_model *model) { delete model; }

int encode(const llmos_spm_model *model, const char *text, std::size_t size, std::int32_t **ids, std::size_t *count,
           char **error)
{
    *ids = nullptr;
    *count = 0;
    try {
        std::vector<int> out;
        const auto status = model->sp.Encode(absl::string_view(text, size), &out);
        if (!status.ok()) {
            setError(error, status.ToString());
            return 1;
        }
        if (out.empty()) return 0;
        auto *buffer = static_cast<std::int32_t *>(std::malloc(out.size() * sizeof(std::int32_t)));
        if (!buffer) throw std::bad_alloc();
        for (std::size_t i = 0; i < out.size(); ++i) buffer[i] = static_cast<std::int32_t>(out[i]);
        *ids = buffer;
        *count = out.size();
        return 0;
    } catch (...) {
        setCurrentError(error);
        return 1;
    }
}

int decode(const llmos_spm_model *model, const std::int32_t *ids, std::size_t count, char **text, std::size_t *size,
           char **error)
{
    *text = nullptr;
    *size = 0;
    try {
        const std::vector<int> in(ids, ids + count);
        std::string out;
        const auto status = model->sp.Decode(in, &out);
        if (!status.ok()) {
            setError(error, status.ToString());
            return 1;
        }
        *text = copyString(out.data(), out.size());
        if (!*text) throw std::bad_alloc();
        *size = out.size();
        return 0;
    } catch (...) {
        setCurrentError(error);
        return 1;
    }
}

std::int32_t pieceCount(const llmos_spm_model *model) { return model->sp.GetPieceSize(); }

const char *idToPiece(const llmos_spm_model *model, std::int32_t id, std::size_t *size)
{
    if (id < 0 || id >= model->sp.GetPieceSize()) return nullptr;
    const std::string &piece = model->sp.IdToPiece(id); // a reference into the model
    if (size) *size = piece.size();
    return piece.c_str();
}

std::int32_t pieceToId(const llmos_spm_model *model, const char *piece, std::size_t size)
{
    try {
        return model->sp.PieceToId(absl::string_view(piece, size));
    } catch (...) {
        return model->sp.unk_id();
    }
}

int isControl(const llmos_spm_model *model, std::int32_t id)
{
    if (id < 0 || id >= model->sp.GetPieceSize()) return 0;
    return model->sp.IsControl(id) ? 1 : 0;
}

std::int32_t bosId(const llmos_spm_model *model) { return model->sp.bos_id(); }
std::int32_t eosId(const llmos_spm_model *model) { return model->sp.eos_id(); }
std::int32_t padId(const llmos_spm_model *model) { return model->sp.pad_id(); }
std::int32_t unkId(const llmos_spm_model *model) { return model->sp.unk_id(); }

void freeBuffer(void *buffer) { std::free(buffer); }

const llmos_spm_api kApi = {
    LLMOS_SPM_ABI_VERSION,
    sizeof(llmos_spm_api),
    loadBytes,
    loadFile,
    freeModel,
    encode,
    decode,
    pieceCount,
    idToPiece,
    pieceToId,
    isControl,
    bosId,
    eosId,
    padId,
    unkId,
    freeBuffer,
};

} // namespace

extern "C" const llmos_spm_api *llmos_sentencepiece_api(std::uint32_t abiVersion)
{
    return abiVersion == LLMOS_SPM_ABI_VERSION ? &kApi : nullptr;
}

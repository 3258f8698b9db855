#include "tokenizer/sentencepiecetokenizer.h"

#include "tokenizer/sentencepiece/sentencepieceshim.h"
#include "tokenizer/utf8.h"
#include "util/error.h"

#include <fmt/format.h>

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

// The sanitizer runtimes refuse RTLD_DEEPBIND (they abort the process). Sanitized
// builds load the module without it: fine without libtorch (the fuzzing build), while
// a sanitized build with libtorch may then see SentencePiece abort on the protobuf
// version check.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define LLMOS_SPM_NO_DEEPBIND 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define LLMOS_SPM_NO_DEEPBIND 1
#endif
#endif

namespace llmos {

namespace {

constexpr const char *kModuleName = "libllmos_sentencepiece.so";

// The loaded module, or why none could be loaded. Loaded once per process and never
// unloaded.
struct Module {
    const llmos_spm_api *api = nullptr;
    std::string error;
};

std::vector<std::string> moduleCandidates()
{
    std::vector<std::string> paths;
    if (const char *env = std::getenv("LLMOS_SENTENCEPIECE_MODULE"); env && *env) paths.emplace_back(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && !exe.empty()) {
        const fs::path dir = exe.parent_path();
        paths.push_back((dir / ".." / "lib" / "llmos" / kModuleName).lexically_normal().string());
        paths.push_back((dir / kModuleName).string());
    }
#ifdef LLMOS_SENTENCEPIECE_MODULE_BUILD_PATH
    paths.emplace_back(LLMOS_SENTENCEPIECE_MODULE_BUILD_PATH);
#endif
#ifdef LLMOS_SENTENCEPIECE_MODULE_INSTALL_PATH
    paths.emplace_back(LLMOS_SENTENCEPIECE_MODULE_INSTALL_PATH);
#endif
    return paths;
}

// Loads one candidate; on failure returns nullptr and sets error.
const llmos_spm_api *tryLoad(const std::string &path, std::string &error)
{
#ifdef LLMOS_SPM_NO_DEEPBIND
    const int flags = RTLD_NOW | RTLD_LOCAL;
#else
    const int flags = RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND;
#endif
    void *handle = dlopen(path.c_str(), flags);
    if (!handle) {
        const char *why = dlerror();
        error = why ? why : fmt::format("{}: cannot be loaded", path);
        return nullptr;
    }
    dlerror();
    const auto entry = reinterpret_cast<llmos_spm_api_fn>(dlsym(handle, LLMOS_SPM_ENTRY_POINT));
    if (!entry) {
        const char *why = dlerror();
        error = fmt::format("{}: {}", path, why ? why : "no " LLMOS_SPM_ENTRY_POINT);
        dlclose(handle);
        return nullptr;
    }
    const llmos_spm_api *api = entry(LLMOS_SPM_ABI_VERSION);
    if (!api || api->abi_version != LLMOS_SPM_ABI_VERSION || api->struct_size < sizeof(llmos_spm_api)) {
        error = fmt::format("{}: built for another version of llmos (interface {} wanted)", path,
                            LLMOS_SPM_ABI_VERSION);
        dlclose(handle);
        return nullptr;
    }
    return api; // the handle stays open for the life of the process
}

Module loadModule()
{
    Module module;
    std::string firstExistingError; // the most telling failure: a module that is there but does not load
    std::string lastError = "no candidate path";
    std::error_code ec;
    const char *env = std::getenv("LLMOS_SENTENCEPIECE_MODULE");
    for (const std::string &path : moduleCandidates()) {
        std::string error;
        if (const llmos_spm_api *api = tryLoad(path, error)) {
            module.api = api;
            return module;
        }
        const bool named = env && path == env;
        if (firstExistingError.empty() && (named || fs::exists(path, ec))) firstExistingError = error;
        lastError = std::move(error);
    }
    module.error = firstExistingError.empty() ? lastError : firstExistingError;
    return module;
}

const Module &module()
{
    static const Module loaded = loadModule(); // thread-safe, once per process
    return loaded;
}

// Frees what the module allocated, through the module.
struct ModuleBuffer {
    const llmos_spm_api *api;
    void *data = nullptr;
    ~ModuleBuffer()
    {
        if (data) api->free_buffer(data);
    }
};

std::string takeError(const llmos_spm_api *api, char *error)
{
    ModuleBuffer owner{api, error};
    return error ? std::string(error) : std::string("unknown error");
}

} // namespace

struct SentencePieceTokenizer::Processor {
    const llmos_spm_api *api = nullptr;
    llmos_spm_model *model = nullptr;
    ~Processor()
    {
        if (model) api->free_model(model);
    }
};

std::string SentencePieceTokenizer::unavailableReason()
{
    const Module &mod = module();
    return mod.api ? std::string() : mod.error;
}

SentencePieceTokenizer::SentencePieceTokenizer() : m_processor(std::make_unique<Processor>()) {}
SentencePieceTokenizer::~SentencePieceTokenizer() = default;

std::unique_ptr<SentencePieceTokenizer> SentencePieceTokenizer::fromSerialized(std::string_view bytes,
                                                                              const std::string &sourceName,
                                                                              const Options &options)
{
    const Module &mod = module();
    if (!mod.api)
        throw Error(ErrorKind::Unsupported, sourceName,
                    fmt::format("SentencePiece support ({}) is not installed: {}; use tokenizer.json instead",
                                kModuleName, mod.error));
    const llmos_spm_api *api = mod.api;

    std::unique_ptr<SentencePieceTokenizer> t(new SentencePieceTokenizer());
    t->m_processor->api = api;
    char *error = nullptr;
    t->m_processor->model = api->load_bytes(bytes.data(), bytes.size(), &error);
    if (!t->m_processor->model)
        throw Error(ErrorKind::Format, sourceName,
                    fmt::format("not a readable SentencePiece model: {}", takeError(api, error)));
    const llmos_spm_model *sp = t->m_processor->model;

    const std::int32_t count = std::max<std::int32_t>(0, api->piece_count(sp));
    t->m_pieceCount = static_cast<std::size_t>(count);
    t->m_vocabSize = t->m_pieceCount;
    t->m_pieces.reserve(t->m_pieceCount);
    t->m_control.reserve(t->m_pieceCount);
    for (std::int32_t id = 0; id < count; ++id) {
        std::size_t size = 0;
        const char *piece = api->id_to_piece(sp, id, &size);
        t->m_pieces.emplace_back(piece ? std::string(piece, size) : std::string());
        t->m_control.push_back(api->is_control(sp, id) != 0);
    }

    for (const AddedToken &token : options.addedTokens) {
        // An added token either names a piece of the model or extends the vocabulary.
        if (static_cast<std::size_t>(token.id) < t->m_pieceCount) {
            if (t->m_pieces[token.id] != token.content)
                throw Error(ErrorKind::Format, sourceName,
                            fmt::format("added token '{}' has id {}, which the model gives to '{}'", token.content,
                                        token.id, t->m_pieces[token.id]));
        } else if (static_cast<std::size_t>(token.id) >= t->m_pieceCount + options.addedTokens.size()) {
            throw Error(ErrorKind::Format, sourceName,
                        fmt::format("added token '{}' has id {}, beyond the vocabulary of {} pieces", token.content,
                                    token.id, t->m_pieceCount));
        }
        t->m_vocabSize = std::max(t->m_vocabSize, static_cast<std::size_t>(token.id) + 1);
        AddedToken raw = token;
        raw.normalized = false; // SentencePiece normalizes inside Encode; match on the raw text
        t->m_added.add(std::move(raw));
    }
    t->m_added.finalize(nullptr);
    const std::int32_t bos = api->bos_id(sp), eos = api->eos_id(sp), pad = api->pad_id(sp), unk = api->unk_id(sp);
    t->m_addBos = options.addBos.value_or(true) && bos >= 0;
    t->m_addEos = options.addEos.value_or(false) && eos >= 0;
    auto id = [](std::int32_t v) -> std::optional<std::int32_t> { return v >= 0 ? std::optional<std::int32_t>(v) : std::nullopt; };
    t->m_special = {id(bos), id(eos), id(pad), id(unk)};
    return t;
}

std::vector<std::int32_t> SentencePieceTokenizer::encode(std::string_view text, bool addSpecialTokens) const
{
    const llmos_spm_api *api = m_processor->api;
    const llmos_spm_model *sp = m_processor->model;
    TextPieces pieces;
    std::string clean = utf8::sanitize(text);
    if (!clean.empty()) pieces.push_back({std::move(clean), -1, true});
    m_added.splitRaw(pieces);

    std::vector<std::int32_t> ids;
    if (addSpecialTokens && m_addBos) ids.push_back(api->bos_id(sp));
    for (const TextPiece &piece : pieces) {
        if (piece.isToken()) {
            ids.push_back(piece.id);
            continue;
        }
        std::int32_t *part = nullptr;
        std::size_t count = 0;
        char *error = nullptr;
        if (api->encode(sp, piece.text.data(), piece.text.size(), &part, &count, &error) != 0)
            throw Error(ErrorKind::Internal, "SentencePiece", fmt::format("encoding failed: {}", takeError(api, error)));
        ModuleBuffer owner{api, part};
        ids.insert(ids.end(), part, part + count);
    }
    if (addSpecialTokens && m_addEos) ids.push_back(api->eos_id(sp));
    return ids;
}

std::optional<std::int32_t> SentencePieceTokenizer::tokenToId(std::string_view token) const
{
    if (const AddedToken *added = m_added.byContent(token)) return added->id;
    const llmos_spm_api *api = m_processor->api;
    const std::int32_t id = api->piece_to_id(m_processor->model, token.data(), token.size());
    if (id < 0 || static_cast<std::size_t>(id) >= m_pieceCount) return std::nullopt;
    // PieceToId answers unk for anything unknown; only the unk piece itself maps to it.
    if (id == api->unk_id(m_processor->model) && m_pieces[id] != token) return std::nullopt;
    return id;
}

bool SentencePieceTokenizer::isSpecial(std::int32_t id) const
{
    if (const AddedToken *added = m_added.byId(id)) return added->special;
    return id >= 0 && static_cast<std::size_t>(id) < m_pieceCount && m_control[id];
}

const std::string *SentencePieceTokenizer::tokenOf(std::int32_t id) const
{
    if (const AddedToken *added = m_added.byId(id)) return &added->content;
    if (id < 0 || static_cast<std::size_t>(id) >= m_pieceCount) return nullptr;
    return &m_pieces[id];
}

std::string SentencePieceTokenizer::decodeChecked(std::span<const std::int32_t> ids, bool skipSpecialTokens) const
{
    // SentencePiece drops control pieces (<s>, </s>) when decoding, so runs of
    // ordinary ids go to it and special tokens are written (or skipped) here.
    const llmos_spm_api *api = m_processor->api;
    std::string out;
    std::vector<std::int32_t> run;
    auto flush = [&]() {
        if (run.empty()) return;
        char *text = nullptr;
        std::size_t size = 0;
        char *error = nullptr;
        if (api->decode(m_processor->model, run.data(), run.size(), &text, &size, &error) != 0)
            throw Error(ErrorKind::Internal, "SentencePiece", fmt::format("decoding failed: {}", takeError(api, error)));
        ModuleBuffer owner{api, text};
        out.append(text, size);
        run.clear();
    };
    for (const std::int32_t id : ids) {
        const AddedToken *added = m_added.byId(id);
        const bool special = isSpecial(id);
        if (!added && !special) {
            run.push_back(id);
            continue;
        }
        flush();
        if (!(skipSpecialTokens && special)) out += *tokenOf(id);
    }
    flush();
    return out;
}

} // namespace llmos

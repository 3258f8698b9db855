#include "tokenizer/gguftokenizer.h"

#include "formats/gguf/gguffile.h"
#include "formats/gguf/ggufwriter.h"
#include "formats/strictjson.h"
#include "tokenizer/jsonfields.h"
#include "tokenizer/loadtokenizer.h"
#include "tokenizer/tokenizerconfig.h"
#include "tokenizer/utf8.h"
#include "tokenizer/vocabulary.h"
#include "util/error.h"
#include "util/mappedfile.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <limits>
#include <optional>
#include <unordered_map>
#include <vector>

namespace llmos {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;
namespace jf = jsonfields;

// Keys as llama.cpp's gguf-py constants spell them.
constexpr std::string_view kModelKey = "tokenizer.ggml.model";
constexpr std::string_view kPreKey = "tokenizer.ggml.pre";
constexpr std::string_view kTokensKey = "tokenizer.ggml.tokens";
constexpr std::string_view kScoresKey = "tokenizer.ggml.scores";
constexpr std::string_view kTokenTypeKey = "tokenizer.ggml.token_type";
constexpr std::string_view kMergesKey = "tokenizer.ggml.merges";
constexpr std::string_view kBosKey = "tokenizer.ggml.bos_token_id";
constexpr std::string_view kEosKey = "tokenizer.ggml.eos_token_id";
constexpr std::string_view kUnkKey = "tokenizer.ggml.unknown_token_id";
constexpr std::string_view kPadKey = "tokenizer.ggml.padding_token_id";
constexpr std::string_view kAddBosKey = "tokenizer.ggml.add_bos_token";
constexpr std::string_view kAddEosKey = "tokenizer.ggml.add_eos_token";
constexpr std::string_view kAddSpacePrefixKey = "tokenizer.ggml.add_space_prefix";
constexpr std::string_view kChatTemplateKey = "tokenizer.chat_template";

// tokenizer.ggml.token_type values (gguf-py's TokenType).
enum class TokenType : std::int32_t { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 };

// SentencePiece's space marker, U+2581.
const std::string kSpaceMarker = "\xE2\x96\x81";

// The split regexes of the byte-level BPE families, as their tokenizer.json files write them.
constexpr std::string_view kGpt2Regex = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";
constexpr std::string_view kLlama3Regex =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr std::string_view kQwen2Regex =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

// How a byte-level BPE cuts text before the merges, and the tokenizer.ggml.pre names
// llama.cpp gives each way (llama-vocab.cpp maps several names to one regex).
enum class ByteLevelSplit { Gpt2, Llama3, Qwen2, DigitsThenGpt2 };

struct PreTokenizerName {
    std::string_view name;
    ByteLevelSplit split;
    // llama.cpp's LLAMA3 pre type: whole words are looked up before merging, and BOS is
    // added unless the file says otherwise.
    bool llama3Type;
};

// The first name of each split is the one we write.
constexpr std::array kPreTokenizerNames{
    PreTokenizerName{"gpt-2", ByteLevelSplit::Gpt2, false},
    PreTokenizerName{"llama-bpe", ByteLevelSplit::Llama3, true},
    PreTokenizerName{"qwen2", ByteLevelSplit::Qwen2, false},
    PreTokenizerName{"smollm", ByteLevelSplit::DigitsThenGpt2, false},
    PreTokenizerName{"default", ByteLevelSplit::Gpt2, false}, // files converted before .pre existed
    PreTokenizerName{"phi-2", ByteLevelSplit::Gpt2, false},
    PreTokenizerName{"roberta-bpe", ByteLevelSplit::Gpt2, false},
    PreTokenizerName{"llama3", ByteLevelSplit::Llama3, true},
    PreTokenizerName{"llama-v3", ByteLevelSplit::Llama3, true},
    PreTokenizerName{"falcon3", ByteLevelSplit::Llama3, true},
    PreTokenizerName{"pixtral", ByteLevelSplit::Llama3, true},
    PreTokenizerName{"dbrx", ByteLevelSplit::Llama3, false},
    PreTokenizerName{"smaug-bpe", ByteLevelSplit::Llama3, false},
    PreTokenizerName{"deepseek-r1-qwen", ByteLevelSplit::Qwen2, false},
    PreTokenizerName{"starcoder", ByteLevelSplit::DigitsThenGpt2, false},
    PreTokenizerName{"refact", ByteLevelSplit::DigitsThenGpt2, false},
};

std::string keyWhere(const std::string &source, std::string_view key)
{
    return fmt::format("{}: {}", source, key);
}

std::string keyWhere(const std::string &source, std::string_view key, std::size_t index)
{
    return fmt::format("{}: {}[{}]", source, key, index);
}

json byteLevelPreTokenizer(bool useRegex)
{
    return {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", true}, {"use_regex", useRegex}};
}

json splitThenByteLevel(std::string_view regex)
{
    return {{"type", "Sequence"},
            {"pretokenizers",
             {{{"type", "Split"}, {"pattern", {{"Regex", regex}}}, {"behavior", "Isolated"}, {"invert", false}},
              byteLevelPreTokenizer(false)}}};
}

json preTokenizerJson(ByteLevelSplit split)
{
    switch (split) {
    case ByteLevelSplit::Gpt2:
        return byteLevelPreTokenizer(true);
    case ByteLevelSplit::Llama3:
        return splitThenByteLevel(kLlama3Regex);
    case ByteLevelSplit::Qwen2:
        return splitThenByteLevel(kQwen2Regex);
    case ByteLevelSplit::DigitsThenGpt2:
        return {{"type", "Sequence"},
                {"pretokenizers", {{{"type", "Digits"}, {"individual_digits", true}}, byteLevelPreTokenizer(true)}}};
    }
    return nullptr;
}

// <0xNN> with two hex digits, the byte-fallback spelling.
bool isByteToken(std::string_view token)
{
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    return token.size() == 6 && token.starts_with("<0x") && token.back() == '>' && hex(token[3]) && hex(token[4]);
}

// ---- reading a GGUF tokenizer ---------------------------------------------------------

// The vocabulary of a GGUF file, checked: valid UTF-8, no token twice.
class GgufVocabulary {
public:
    GgufVocabulary(const GgufFile &file)
        : m_source(file.sourceName())
        , m_tokens(file.getArrayOf<std::string>(kTokensKey))
    {
        if (m_tokens.empty())
            throw Error(ErrorKind::Format, keyWhere(m_source, kTokensKey), "the vocabulary is empty");
        if (m_tokens.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
            throw Error(ErrorKind::Format, keyWhere(m_source, kTokensKey),
                        fmt::format("{} tokens do not fit 32-bit token ids", m_tokens.size()));
        // Vocabulary's open-addressing index: deriving merges from scores looks up every
        // prefix of every token, and std::unordered_map made that most of the load time.
        VocabEntries entries;
        entries.entries.reserve(m_tokens.size());
        for (std::size_t id = 0; id < m_tokens.size(); ++id) {
            const std::string &token = m_tokens[id];
            if (!utf8::isValid(token))
                throw Error(ErrorKind::Format, keyWhere(m_source, kTokensKey, id), "the token is not valid UTF-8");
            if (entries.text.size() + token.size() > std::numeric_limits<std::uint32_t>::max())
                throw Error(ErrorKind::Format, keyWhere(m_source, kTokensKey), "the tokens add up to more than 4 GB");
            entries.entries.push_back(
                {static_cast<std::uint32_t>(entries.text.size()), static_cast<std::uint32_t>(token.size()), id});
            entries.text += token;
        }
        if (auto index = Vocabulary::fromEntries(entries, m_tokens.size()))
            m_index = std::move(*index);
        else
            throwRepeatedToken();
        m_types.assign(m_tokens.size(), TokenType::Normal);
        if (file.find(kTokenTypeKey)) {
            const auto &types = file.getArrayOf<std::int32_t>(kTokenTypeKey);
            requireSameLength(kTokenTypeKey, types.size());
            for (std::size_t id = 0; id < types.size(); ++id) {
                if (types[id] < static_cast<std::int32_t>(TokenType::Normal) ||
                    types[id] > static_cast<std::int32_t>(TokenType::Byte))
                    throw Error(ErrorKind::Format, keyWhere(m_source, kTokenTypeKey, id),
                                fmt::format("token type {} is not one of 1 (normal) to 6 (byte)", types[id]));
                m_types[id] = static_cast<TokenType>(types[id]);
                if (m_types[id] == TokenType::Byte && !isByteToken(m_tokens[id]))
                    throw Error(ErrorKind::Format, keyWhere(m_source, kTokensKey, id),
                                fmt::format("'{}' is marked as a byte token but is not <0xNN> with two hex digits",
                                            m_tokens[id]));
            }
        }
    }

    void requireSameLength(std::string_view key, std::size_t length) const
    {
        if (length != m_tokens.size())
            throw Error(ErrorKind::Format, keyWhere(m_source, key),
                        fmt::format("has {} entries but {} has {}", length, kTokensKey, m_tokens.size()));
    }

    // An id key (bos, eos, ...) if present, checked against the vocabulary.
    std::optional<std::int32_t> idFrom(const GgufFile &file, std::string_view key) const
    {
        const auto id = file.findUInt(key);
        if (!id)
            return std::nullopt;
        if (*id >= m_tokens.size())
            throw Error(ErrorKind::Format, keyWhere(m_source, key),
                        fmt::format("token id {} is out of range: the vocabulary has {} tokens", *id, m_tokens.size()));
        return static_cast<std::int32_t>(*id);
    }

    std::optional<std::int32_t> find(std::string_view token) const { return m_index.find(token); }

    const std::vector<std::string> &tokens() const noexcept { return m_tokens; }
    TokenType type(std::size_t id) const { return m_types[id]; }
    const std::string &source() const noexcept { return m_source; }

private:
    // The only thing Vocabulary::fromEntries refuses here is a token listed twice.
    [[noreturn]] void throwRepeatedToken() const
    {
        std::unordered_map<std::string_view, std::size_t> seen;
        for (std::size_t id = 0; id < m_tokens.size(); ++id)
            if (const auto [it, inserted] = seen.emplace(m_tokens[id], id); !inserted)
                throw Error(ErrorKind::Format, keyWhere(m_source, kTokensKey, id),
                            fmt::format("token '{}' is already token {}", m_tokens[id], it->second));
        throw Error(ErrorKind::Internal, keyWhere(m_source, kTokensKey), "the vocabulary index could not be built");
    }

    std::string m_source;
    const std::vector<std::string> &m_tokens;
    std::vector<TokenType> m_types;
    Vocabulary m_index;
};

using MergePair = std::pair<std::int32_t, std::int32_t>;

// tokenizer.ggml.merges ("a b" lines), each naming tokens of the vocabulary.
std::vector<MergePair> mergesFromFile(const GgufFile &file, const GgufVocabulary &vocab)
{
    const auto &lines = file.getArrayOf<std::string>(kMergesKey);
    std::vector<MergePair> merges;
    merges.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        // llama.cpp splits at the first space after the first byte.
        const std::size_t space = line.size() > 1 ? line.find(' ', 1) : std::string_view::npos;
        if (space == std::string_view::npos)
            throw Error(ErrorKind::Format, keyWhere(vocab.source(), kMergesKey, i),
                        fmt::format("merge '{}' is not two tokens separated by a space", line));
        const std::string_view left = line.substr(0, space);
        const std::string_view right = line.substr(space + 1);
        const auto a = vocab.find(left);
        const auto b = vocab.find(right);
        for (const auto &[part, id] : {std::pair{left, a}, std::pair{right, b}})
            if (!id)
                throw Error(ErrorKind::Format, keyWhere(vocab.source(), kMergesKey, i),
                            fmt::format("merge '{}' names '{}', which is not in {}", line, part, kTokensKey));
        std::string merged(left);
        merged.append(right);
        if (!vocab.find(merged))
            throw Error(ErrorKind::Format, keyWhere(vocab.source(), kMergesKey, i),
                        fmt::format("merge '{}' makes '{}', which is not in {}", line, merged, kTokensKey));
        merges.emplace_back(*a, *b);
    }
    return merges;
}

// The merges a SentencePiece BPE vocabulary implies, ordered the way Hugging Face's
// LlamaConverter orders them: every split of a token into two vocabulary tokens, by the
// token's score (highest first), then by token id, then by the ids of the halves. Run
// as BPE this reproduces SentencePiece's "merge the best-scoring pair" loop.
std::vector<MergePair> mergesFromScores(const GgufVocabulary &vocab, const std::vector<float> &scores)
{
    struct Candidate {
        float score;
        std::int32_t merged;
        MergePair pair;
    };
    std::vector<Candidate> candidates;
    const auto &tokens = vocab.tokens();
    for (std::size_t id = 0; id < tokens.size(); ++id) {
        if (std::isnan(scores[id]))
            throw Error(ErrorKind::Format, keyWhere(vocab.source(), kScoresKey, id), "the score is NaN");
        const std::string_view token = tokens[id];
        std::size_t cut = 0;
        if (!token.empty())
            utf8::next(token, cut);
        while (cut < token.size()) {
            const auto left = vocab.find(token.substr(0, cut));
            const auto right = left ? vocab.find(token.substr(cut)) : std::nullopt;
            if (right)
                candidates.push_back({scores[id], static_cast<std::int32_t>(id), {*left, *right}});
            utf8::next(token, cut);
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &x, const Candidate &y) {
        if (x.score != y.score)
            return x.score > y.score;
        if (x.merged != y.merged)
            return x.merged < y.merged;
        return x.pair < y.pair;
    });
    std::vector<MergePair> merges;
    merges.reserve(candidates.size());
    for (const Candidate &c : candidates)
        merges.push_back(c.pair);
    return merges;
}

void appendJsonString(std::string &out, std::string_view text)
{
    out += json(text).dump(); // the vocabulary was checked to be valid UTF-8
}

// A tokenizer.json document for what the GGUF metadata describes; the vocabulary and
// merges are written as text (a DOM of 150k entries costs more than the rest).
std::string tokenizerJsonText(const json &head, const json &model, const GgufVocabulary &vocab,
                              const std::vector<MergePair> &merges)
{
    const auto &tokens = vocab.tokens();
    std::string text = head.dump();
    text.pop_back(); // the closing brace: "model" follows
    std::string modelText = model.dump();
    modelText.pop_back();
    text += ",\"model\":";
    text += modelText;
    text += ",\"vocab\":{";
    for (std::size_t id = 0; id < tokens.size(); ++id) {
        if (id)
            text.push_back(',');
        appendJsonString(text, tokens[id]);
        text += fmt::format(":{}", id);
    }
    text += "},\"merges\":[";
    for (std::size_t i = 0; i < merges.size(); ++i) {
        if (i)
            text.push_back(',');
        text.push_back('[');
        appendJsonString(text, tokens[static_cast<std::size_t>(merges[i].first)]);
        text.push_back(',');
        appendJsonString(text, tokens[static_cast<std::size_t>(merges[i].second)]);
        text.push_back(']');
    }
    text += "]}}";
    return text;
}

// Control, unknown and user-defined tokens are matched whole in text, before the
// model sees it, as llama.cpp's special-token partition does.
json addedTokensJson(const GgufVocabulary &vocab)
{
    json added = json::array();
    const auto &tokens = vocab.tokens();
    for (std::size_t id = 0; id < tokens.size(); ++id) {
        const TokenType type = vocab.type(id);
        if (tokens[id].empty())
            continue;
        if (type != TokenType::Control && type != TokenType::Unknown && type != TokenType::UserDefined)
            continue;
        added.push_back({{"id", id},
                         {"content", tokens[id]},
                         {"single_word", false},
                         {"lstrip", false},
                         {"rstrip", false},
                         {"normalized", false},
                         {"special", type != TokenType::UserDefined}});
    }
    return added;
}

// BOS/EOS around a sequence, as a TemplateProcessing post-processor.
json postProcessorJson(const GgufVocabulary &vocab, std::optional<std::int32_t> bos, std::optional<std::int32_t> eos)
{
    if (!bos && !eos)
        return nullptr;
    json single = json::array();
    json specials = json::object();
    auto special = [&](std::int32_t id) {
        const std::string &token = vocab.tokens()[static_cast<std::size_t>(id)];
        single.push_back({{"SpecialToken", {{"id", token}, {"type_id", 0}}}});
        specials[token] = {{"id", token}, {"ids", {id}}, {"tokens", {token}}};
    };
    if (bos)
        special(*bos);
    single.push_back({{"Sequence", {{"id", "A"}, {"type_id", 0}}}});
    if (eos)
        special(*eos);
    return {{"type", "TemplateProcessing"}, {"single", single}, {"pair", single}, {"special_tokens", specials}};
}

const PreTokenizerName &preTokenizerNamed(const GgufFile &file)
{
    const std::string pre = file.findString(kPreKey).value_or("default");
    for (const PreTokenizerName &known : kPreTokenizerNames)
        if (known.name == pre)
            return known;
    std::string names;
    for (const PreTokenizerName &known : kPreTokenizerNames)
        names += fmt::format("{}{}", names.empty() ? "" : ", ", known.name);
    // Guessing would give wrong ids without a word: better to say so.
    throw Error(ErrorKind::Unsupported, keyWhere(file.sourceName(), kPreKey),
                fmt::format("pre-tokenizer '{}' is not supported (supported: {})", pre, names));
}

std::optional<std::int32_t> firstOfType(const GgufVocabulary &vocab, TokenType type)
{
    for (std::size_t id = 0; id < vocab.tokens().size(); ++id)
        if (vocab.type(id) == type)
            return static_cast<std::int32_t>(id);
    return std::nullopt;
}

} // namespace

std::unique_ptr<Tokenizer> loadGgufTokenizer(const GgufFile &file)
{
    const std::string &source = file.sourceName();
    if (!file.find(kModelKey))
        throw Error(ErrorKind::NotFound, source, fmt::format("the file has no tokenizer ({} is missing)", kModelKey));
    const std::string &model = file.getString(kModelKey);
    if (model == "no_vocab")
        throw Error(ErrorKind::NotFound, keyWhere(source, kModelKey), "the file has no vocabulary ('no_vocab')");
    if (model != "gpt2" && model != "llama")
        throw Error(ErrorKind::Unsupported, keyWhere(source, kModelKey),
                    fmt::format("tokenizer model '{}' is not supported (supported: gpt2, llama)", model));

    const GgufVocabulary vocab(file);
    const auto bos = vocab.idFrom(file, kBosKey);
    const auto eos = vocab.idFrom(file, kEosKey);
    const auto pad = vocab.idFrom(file, kPadKey);
    auto unk = vocab.idFrom(file, kUnkKey);
    const bool spm = model == "llama";
    // llama.cpp's defaults: SentencePiece vocabularies add BOS, byte-level ones only for
    // the Llama 3 pre-tokenizer.
    const PreTokenizerName *pre = spm ? nullptr : &preTokenizerNamed(file);
    const bool addBosByDefault = spm || pre->llama3Type;
    const bool addBos = file.find(kAddBosKey) ? file.getBool(kAddBosKey) : addBosByDefault && bos;
    const bool addEos = file.find(kAddEosKey) && file.getBool(kAddEosKey);
    if (addBos && !bos)
        throw Error(ErrorKind::Format, keyWhere(source, kAddBosKey), fmt::format("is true but {} is missing", kBosKey));
    if (addEos && !eos)
        throw Error(ErrorKind::Format, keyWhere(source, kAddEosKey), fmt::format("is true but {} is missing", kEosKey));

    json head = {{"version", "1.0"}, {"truncation", nullptr}, {"padding", nullptr}};
    head["added_tokens"] = addedTokensJson(vocab);
    json bpe = {
        {"type", "BPE"}, {"dropout", nullptr}, {"continuing_subword_prefix", nullptr}, {"end_of_word_suffix", nullptr}};
    std::vector<MergePair> merges;
    if (spm) {
        const auto &scores = file.getArrayOf<float>(kScoresKey);
        vocab.requireSameLength(kScoresKey, scores.size());
        // Byte fallback reads <0x..> tokens as bytes: a malformed one means a broken file.
        for (std::size_t id = 0; id < vocab.tokens().size(); ++id) {
            const std::string &token = vocab.tokens()[id];
            if (token.starts_with("<0x") && token.ends_with(">") && !isByteToken(token))
                throw Error(ErrorKind::Format, keyWhere(source, kTokensKey, id),
                            fmt::format("'{}' looks like a byte token but is not <0xNN> with two hex digits", token));
        }
        merges = mergesFromScores(vocab, scores);
        if (!unk)
            unk = firstOfType(vocab, TokenType::Unknown);
        const bool addSpacePrefix = !file.find(kAddSpacePrefixKey) || file.getBool(kAddSpacePrefixKey);
        // As Hugging Face's LlamaConverter (legacy) builds it, which is also what
        // llama.cpp does: spaces become ▁, a ▁ starts each stretch of text, and
        // characters missing from the vocabulary fall back to <0xNN> tokens.
        json normalizers = json::array();
        if (addSpacePrefix)
            normalizers.push_back({{"type", "Prepend"}, {"prepend", kSpaceMarker}});
        normalizers.push_back({{"type", "Replace"}, {"pattern", {{"String", " "}}}, {"content", kSpaceMarker}});
        head["normalizer"] = {{"type", "Sequence"}, {"normalizers", normalizers}};
        head["pre_tokenizer"] = nullptr;
        json decoders = {{{"type", "Replace"}, {"pattern", {{"String", kSpaceMarker}}}, {"content", " "}},
                         {{"type", "ByteFallback"}},
                         {{"type", "Fuse"}}};
        if (addSpacePrefix)
            decoders.push_back({{"type", "Strip"}, {"content", " "}, {"start", 1}, {"stop", 0}});
        head["decoder"] = {{"type", "Sequence"}, {"decoders", decoders}};
        bpe["fuse_unk"] = true;
        bpe["byte_fallback"] = true;
        bpe["unk_token"] = unk ? json(vocab.tokens()[static_cast<std::size_t>(*unk)]) : json(nullptr);
    } else {
        merges = mergesFromFile(file, vocab);
        // Qwen2's tokenizer.json composes text to NFC first; the GGUF keeps only the
        // pre-tokenizer's name, so the name brings the normalizer back.
        head["normalizer"] = pre->split == ByteLevelSplit::Qwen2 ? json{{"type", "NFC"}} : json(nullptr);
        head["pre_tokenizer"] = preTokenizerJson(pre->split);
        head["decoder"] = {
            {"type", "ByteLevel"}, {"add_prefix_space", true}, {"trim_offsets", true}, {"use_regex", true}};
        bpe["fuse_unk"] = false;
        bpe["byte_fallback"] = false;
        bpe["ignore_merges"] = pre->llama3Type;
        bpe["unk_token"] = nullptr;
    }
    head["post_processor"] = postProcessorJson(vocab, addBos ? bos : std::nullopt, addEos ? eos : std::nullopt);

    std::unique_ptr<Tokenizer> tokenizer = loadTokenizerJson(tokenizerJsonText(head, bpe, vocab, merges), source);
    SpecialTokenIds ids = tokenizer->specialTokens();
    if (bos)
        ids.bos = bos;
    if (eos)
        ids.eos = eos;
    if (pad)
        ids.pad = pad;
    if (unk)
        ids.unk = unk;
    tokenizer->setSpecialTokens(ids);
    return tokenizer;
}

// ---- writing a folder's tokenizer as GGUF metadata ------------------------------------

namespace {

// The largest tokenizer files seen are tens of MB; the cap keeps a stray file from
// being read whole.
constexpr std::size_t kMaxJsonFileBytes = std::size_t{1} << 30;

std::string readSmallFile(const fs::path &path)
{
    const MappedFile file(path.string());
    if (file.size() > kMaxJsonFileBytes)
        throw Error(
            ErrorKind::Format, path.string(),
            fmt::format("{} bytes is too large for a tokenizer file (limit {})", file.size(), kMaxJsonFileBytes));
    return {reinterpret_cast<const char *>(file.bytes().data()), file.size()};
}

const json *member(const json &object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

bool isType(const json *component, std::string_view type)
{
    const json *t = component ? member(*component, "type") : nullptr;
    return t && t->is_string() && t->get_ref<const std::string &>() == type;
}

bool flag(const json &object, std::string_view key, bool fallback)
{
    const json *value = member(object, key);
    return value && value->is_boolean() ? value->get<bool>() : fallback;
}

// A component and, for a Sequence, its steps, in order.
std::vector<const json *> stepsOf(const json *component, std::string_view listKey)
{
    if (!component)
        return {};
    if (!isType(component, "Sequence"))
        return {component};
    std::vector<const json *> steps;
    if (const json *list = member(*component, listKey); list && list->is_array())
        for (const json &step : *list)
            if (!step.is_null())
                steps.push_back(&step);
    return steps;
}

bool isByteLevelStep(const json *step, bool useRegex)
{
    return isType(step, "ByteLevel") && !flag(*step, "add_prefix_space", true) &&
           flag(*step, "use_regex", true) == useRegex;
}

std::optional<std::string_view> splitRegexOf(const json *step)
{
    if (!isType(step, "Split"))
        return std::nullopt;
    // Isolated keeps matches and the text between them; Removed + invert keeps only the
    // matches. The regexes we know match every character, so the two split alike.
    const json *behavior = member(*step, "behavior");
    const std::string kept = behavior && behavior->is_string() ? behavior->get<std::string>() : "Isolated";
    const bool invert = flag(*step, "invert", false);
    if (!(kept == "Isolated" && !invert) && !(kept == "Removed" && invert))
        return std::nullopt;
    const json *pattern = member(*step, "pattern");
    const json *regex = pattern ? member(*pattern, "Regex") : nullptr;
    if (!regex || !regex->is_string())
        return std::nullopt;
    return regex->get_ref<const std::string &>();
}

// The tokenizer.ggml.pre name of a byte-level tokenizer.json pre-tokenizer, when it is
// one llama.cpp runs the same way.
std::optional<std::string_view> byteLevelPreName(const json *preTokenizer)
{
    const auto steps = stepsOf(preTokenizer, "pretokenizers");
    auto nameOf = [](ByteLevelSplit split) { // first listed name of the split
        for (const PreTokenizerName &known : kPreTokenizerNames)
            if (known.split == split)
                return known.name;
        return std::string_view{};
    };
    if (steps.size() == 1 && isByteLevelStep(steps[0], true))
        return nameOf(ByteLevelSplit::Gpt2);
    if (steps.size() != 2)
        return std::nullopt;
    if (isType(steps[0], "Digits") && flag(*steps[0], "individual_digits", false) && isByteLevelStep(steps[1], true))
        return nameOf(ByteLevelSplit::DigitsThenGpt2);
    if (!isByteLevelStep(steps[1], false))
        return std::nullopt;
    const auto regex = splitRegexOf(steps[0]);
    if (regex == kLlama3Regex)
        return nameOf(ByteLevelSplit::Llama3);
    if (regex == kQwen2Regex)
        return nameOf(ByteLevelSplit::Qwen2);
    if (regex == kGpt2Regex)
        return nameOf(ByteLevelSplit::Gpt2);
    return std::nullopt;
}

// Whether a SentencePiece-style tokenizer.json puts ▁ before the text: a Prepend
// normalizer (legacy Llama) or a Metaspace pre-tokenizer that prepends.
bool prependsSpaceMarker(const json *normalizer, const json *preTokenizer)
{
    for (const json *step : stepsOf(normalizer, "normalizers"))
        if (isType(step, "Prepend"))
            return true;
    for (const json *step : stepsOf(preTokenizer, "pretokenizers")) {
        if (!isType(step, "Metaspace"))
            continue;
        const json *scheme = member(*step, "prepend_scheme");
        if (scheme && scheme->is_string())
            return scheme->get_ref<const std::string &>() != "never";
        return flag(*step, "add_prefix_space", true);
    }
    return false;
}

bool replacesSpaces(const json *normalizer, const json *preTokenizer)
{
    for (const json *step : stepsOf(normalizer, "normalizers"))
        if (isType(step, "Replace")) {
            const json *pattern = member(*step, "pattern");
            const json *from = pattern ? member(*pattern, "String") : nullptr;
            const json *to = member(*step, "content");
            if (from && to && *from == " " && *to == kSpaceMarker)
                return true;
        }
    for (const json *step : stepsOf(preTokenizer, "pretokenizers"))
        if (isType(step, "Metaspace"))
            return true;
    return false;
}

struct FolderVocabulary {
    std::vector<std::string> tokens;
    std::vector<std::int32_t> types;
    std::vector<std::pair<std::string, std::string>> merges;
    std::unordered_map<std::string, std::int32_t> ids;
};

// config.json's vocab_size, when it pads the vocabulary past the tokenizer's tokens (the
// embedding has rows for ids no token uses; llama.cpp wants a token for each).
std::size_t paddedVocabSize(const fs::path &folder, std::size_t tokenCount)
{
    std::error_code ec;
    const fs::path configPath = folder / "config.json";
    if (!fs::is_regular_file(configPath, ec))
        return tokenCount;
    const json config = parseJsonStrict(readSmallFile(configPath), configPath.string());
    const json *size = member(config, "vocab_size");
    if (!size)
        return tokenCount;
    if (!size->is_number_unsigned())
        throw Error(ErrorKind::Format, jf::path(configPath.string(), "vocab_size"), "expected a non-negative integer");
    const std::uint64_t wanted = size->get<std::uint64_t>();
    if (wanted <= tokenCount)
        return tokenCount;
    if (wanted > 2 * tokenCount + 1024)
        throw Error(ErrorKind::Format, jf::path(configPath.string(), "vocab_size"),
                    fmt::format("{} is far beyond the tokenizer's {} tokens", wanted, tokenCount));
    return static_cast<std::size_t>(wanted);
}

FolderVocabulary vocabularyOf(const json &root, const fs::path &folder, const std::string &where)
{
    const json &model = jf::require(root, "model", where);
    const std::string modelAt = jf::path(where, "model");
    const json &vocabObject = jf::require(model, "vocab", modelAt);
    jf::requireObject(vocabObject, jf::path(modelAt, "vocab"));

    std::vector<std::optional<std::string>> byId;
    auto place = [&byId](std::int32_t id, const std::string &token) {
        if (static_cast<std::size_t>(id) >= byId.size())
            byId.resize(static_cast<std::size_t>(id) + 1);
        byId[static_cast<std::size_t>(id)] = token;
    };
    // loadTokenizer already checked ids (unique, bounded) and the added tokens.
    for (const auto &[token, id] : vocabObject.items())
        place(jf::asTokenId(id, jf::path(modelAt, "vocab")), token);
    std::unordered_map<std::int32_t, bool> addedSpecial;
    if (const json *added = member(root, "added_tokens"); added && added->is_array())
        for (const json &entry : *added) {
            const std::int32_t id = jf::asTokenId(jf::require(entry, "id", where), where);
            place(id, jf::getString(entry, "content", where));
            addedSpecial[id] = flag(entry, "special", false);
        }

    const bool byteFallback = flag(model, "byte_fallback", false);
    const std::optional<std::string> unk = jf::optString(model, "unk_token", modelAt);
    FolderVocabulary vocab;
    const std::size_t count = paddedVocabSize(folder, byId.size());
    vocab.tokens.reserve(count);
    vocab.types.reserve(count);
    for (std::size_t id = 0; id < count; ++id) {
        TokenType type = TokenType::Normal;
        std::string token;
        if (id >= byId.size() || !byId[id]) {
            token = fmt::format("[PAD{}]", id); // as convert_hf_to_gguf.py fills holes
            type = TokenType::Unused;
        } else {
            token = *byId[id];
            if (unk && token == *unk)
                type = TokenType::Unknown;
            else if (const auto it = addedSpecial.find(static_cast<std::int32_t>(id)); it != addedSpecial.end())
                type = it->second ? TokenType::Control : TokenType::UserDefined;
            else if (byteFallback && isByteToken(token))
                type = TokenType::Byte;
        }
        if (!vocab.ids.emplace(token, static_cast<std::int32_t>(id)).second)
            throw Error(ErrorKind::Format, jf::path(modelAt, "vocab"), fmt::format("token '{}' appears twice", token));
        vocab.tokens.push_back(std::move(token));
        vocab.types.push_back(static_cast<std::int32_t>(type));
    }

    const json &merges = jf::require(model, "merges", modelAt);
    if (!merges.is_array())
        throw Error(ErrorKind::Format, jf::path(modelAt, "merges"), "expected a list of merges");
    for (std::size_t i = 0; i < merges.size(); ++i) {
        const json &entry = merges[i];
        if (entry.is_string()) {
            const std::string &line = entry.get_ref<const std::string &>();
            if (line.starts_with("#version"))
                continue;
            const std::size_t space = line.find(' ');
            if (space == std::string::npos)
                throw Error(ErrorKind::Format, jf::path(jf::path(modelAt, "merges"), i), "expected \"a b\"");
            vocab.merges.emplace_back(line.substr(0, space), line.substr(space + 1));
        } else if (entry.is_array() && entry.size() == 2 && entry[0].is_string() && entry[1].is_string()) {
            vocab.merges.emplace_back(entry[0].get<std::string>(), entry[1].get<std::string>());
        } else {
            throw Error(ErrorKind::Format, jf::path(jf::path(modelAt, "merges"), i),
                        "expected \"a b\" or [\"a\", \"b\"]");
        }
    }
    return vocab;
}

// Scores that make the SentencePiece merge loop (best-scoring pair first) replay the
// BPE merges in their order: a token made by merge r scores -r. Tokens no merge makes
// score below every merged token, in id order.
std::vector<float> scoresFromMerges(const FolderVocabulary &vocab, const std::string &where)
{
    std::vector<std::optional<std::size_t>> firstRank(vocab.tokens.size());
    for (std::size_t rank = 0; rank < vocab.merges.size(); ++rank) {
        const auto &[left, right] = vocab.merges[rank];
        const auto it = vocab.ids.find(left + right);
        if (it == vocab.ids.end())
            throw Error(ErrorKind::Format, jf::path(jf::path(where, "model.merges"), rank),
                        fmt::format("merging '{}' and '{}' gives a token not in model.vocab", left, right));
        auto &slot = firstRank[static_cast<std::size_t>(it->second)];
        if (!slot)
            slot = rank;
    }
    std::vector<float> scores(vocab.tokens.size());
    for (std::size_t id = 0; id < scores.size(); ++id)
        scores[id] = -static_cast<float>(firstRank[id] ? *firstRank[id] : vocab.merges.size() + id);
    return scores;
}

std::vector<GgufKeyValue> metadataFromTokenizerJson(const fs::path &folder, const fs::path &file)
{
    const std::string where = file.string();
    const json root = parseJsonStrict(readSmallFile(file), where);
    const json &model = jf::require(root, "model", where);
    const std::string type = jf::typeOf(model, jf::path(where, "model"));
    if (type != "BPE")
        throw Error(ErrorKind::Unsupported, jf::path(where, "model.type"),
                    fmt::format("writing a '{}' tokenizer to GGUF is not supported (only BPE)", type));
    const json *normalizer = member(root, "normalizer");
    const json *preTokenizer = member(root, "pre_tokenizer");

    FolderVocabulary vocab = vocabularyOf(root, folder, where);
    std::vector<GgufKeyValue> out;
    if (flag(model, "byte_fallback", false)) {
        if (!replacesSpaces(normalizer, preTokenizer))
            throw Error(ErrorKind::Unsupported, jf::path(where, "normalizer"),
                        "a byte-fallback BPE that does not turn spaces into \u2581 has no GGUF form");
        std::vector<float> scores = scoresFromMerges(vocab, where);
        out.push_back({std::string(kModelKey), GgufValue("llama")});
        out.push_back({std::string(kPreKey), GgufValue("default")});
        out.push_back({std::string(kTokensKey), GgufValue(GgufArray(std::move(vocab.tokens)))});
        out.push_back({std::string(kScoresKey), GgufValue(GgufArray(std::move(scores)))});
        out.push_back({std::string(kTokenTypeKey), GgufValue(GgufArray(std::move(vocab.types)))});
        out.push_back({std::string(kAddSpacePrefixKey), GgufValue(prependsSpaceMarker(normalizer, preTokenizer))});
        return out;
    }

    const auto pre = byteLevelPreName(preTokenizer);
    if (!pre)
        throw Error(ErrorKind::Unsupported, jf::path(where, "pre_tokenizer"),
                    "this pre-tokenizer has no llama.cpp name (supported: GPT-2 byte-level, the Llama 3 and Qwen2 "
                    "split regexes, and digits + byte-level)");
    const bool nfcOk = !normalizer || (*pre == "qwen2" && isType(normalizer, "NFC"));
    if (!nfcOk)
        throw Error(ErrorKind::Unsupported, jf::path(where, "normalizer"),
                    fmt::format("a byte-level BPE with this normalizer has no GGUF form (pre-tokenizer '{}')", *pre));
    std::vector<std::string> merges;
    merges.reserve(vocab.merges.size());
    for (std::size_t i = 0; i < vocab.merges.size(); ++i) {
        const auto &[left, right] = vocab.merges[i];
        // GGUF keeps a merge as one "a b" string: a space inside a token would be ambiguous.
        if (left.find(' ') != std::string::npos || right.find(' ') != std::string::npos)
            throw Error(ErrorKind::Unsupported, jf::path(jf::path(where, "model.merges"), i),
                        "a merge of tokens containing a space cannot be written as a GGUF merge");
        merges.push_back(left + " " + right);
    }
    out.push_back({std::string(kModelKey), GgufValue("gpt2")});
    out.push_back({std::string(kPreKey), GgufValue(std::string(*pre))});
    out.push_back({std::string(kTokensKey), GgufValue(GgufArray(std::move(vocab.tokens)))});
    out.push_back({std::string(kTokenTypeKey), GgufValue(GgufArray(std::move(vocab.types)))});
    out.push_back({std::string(kMergesKey), GgufValue(GgufArray(std::move(merges)))});
    return out;
}

// ---- SentencePiece tokenizer.model ----

// The parts of a SentencePiece ModelProto (sentencepiece_model.proto) that GGUF keeps,
// read straight from the protobuf wire format, so llmos_core needs no libprotobuf (see
// sentencepieceshim.h for why it must not link one).
struct SentencePieceModel {
    struct Piece {
        std::string text;
        float score = 0;
        std::int32_t type = static_cast<std::int32_t>(TokenType::Normal); // same numbering as GGUF
    };
    std::vector<Piece> pieces;
    std::int32_t modelType = 1; // trainer_spec.model_type: 1 unigram, 2 BPE, 3 word, 4 char
    std::int32_t unkId = 0, bosId = 1, eosId = 2, padId = -1; // trainer_spec defaults
    bool addDummyPrefix = true;                               // normalizer_spec default
    bool hasCharsmap = false;
};

// Protobuf wire format over bytes that are checked before each read.
class WireReader {
public:
    WireReader(std::string_view bytes, const std::string &source, std::size_t base)
        : m_bytes(bytes)
        , m_source(source)
        , m_base(base)
    {
    }
    bool atEnd() const noexcept { return m_pos >= m_bytes.size(); }
    std::size_t offset() const noexcept { return m_base + m_pos; }

    // (field number, wire type)
    std::pair<std::uint64_t, std::uint32_t> tag()
    {
        const std::uint64_t key = varint();
        return {key >> 3, static_cast<std::uint32_t>(key & 7)};
    }
    std::uint64_t varint()
    {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (atEnd())
                fail("truncated varint");
            const auto byte = static_cast<std::uint8_t>(m_bytes[m_pos++]);
            value |= std::uint64_t{byte & 0x7Fu} << shift;
            if (!(byte & 0x80))
                return value;
        }
        fail("varint longer than 10 bytes");
    }
    // A length-delimited field; the reader for it starts at its first byte.
    WireReader message()
    {
        const std::uint64_t length = varint();
        if (length > m_bytes.size() - m_pos)
            fail(fmt::format("field of {} bytes runs past the end", length));
        WireReader inner(m_bytes.substr(m_pos, static_cast<std::size_t>(length)), m_source, offset());
        m_pos += static_cast<std::size_t>(length);
        return inner;
    }
    std::string_view rest() const noexcept { return m_bytes.substr(m_pos); }
    float fixed32Float()
    {
        if (m_bytes.size() - m_pos < 4)
            fail("truncated 32-bit field");
        std::uint32_t bits = 0;
        for (int i = 0; i < 4; ++i)
            bits |= std::uint32_t{static_cast<std::uint8_t>(m_bytes[m_pos + i])} << (8 * i);
        m_pos += 4;
        return std::bit_cast<float>(bits);
    }
    void skip(std::uint32_t wireType)
    {
        switch (wireType) {
        case 0:
            varint();
            return;
        case 1:
            advance(8);
            return;
        case 2:
            message();
            return;
        case 5:
            advance(4);
            return;
        default:
            fail(fmt::format("unsupported protobuf wire type {}", wireType));
        }
    }
    [[noreturn]] void fail(const std::string &detail) const
    {
        throw Error(ErrorKind::Format, atByte(m_source, offset()), "not a SentencePiece model: " + detail);
    }

private:
    void advance(std::size_t count)
    {
        if (m_bytes.size() - m_pos < count)
            fail("truncated field");
        m_pos += count;
    }
    std::string_view m_bytes;
    const std::string &m_source;
    std::size_t m_base;
    std::size_t m_pos = 0;
};

SentencePieceModel::Piece readPiece(WireReader reader)
{
    SentencePieceModel::Piece piece;
    while (!reader.atEnd()) {
        const auto [field, wire] = reader.tag();
        if (field == 1 && wire == 2)
            piece.text = std::string(reader.message().rest());
        else if (field == 2 && wire == 5)
            piece.score = reader.fixed32Float();
        else if (field == 3 && wire == 0)
            piece.type = static_cast<std::int32_t>(reader.varint());
        else
            reader.skip(wire);
    }
    return piece;
}

SentencePieceModel readSentencePieceModel(std::string_view bytes, const std::string &source)
{
    SentencePieceModel model;
    WireReader reader(bytes, source, 0);
    while (!reader.atEnd()) {
        const auto [field, wire] = reader.tag();
        if (field == 1 && wire == 2) {
            model.pieces.push_back(readPiece(reader.message()));
        } else if (field == 2 && wire == 2) { // trainer_spec
            WireReader spec = reader.message();
            while (!spec.atEnd()) {
                const auto [f, w] = spec.tag();
                if (w != 0)
                    spec.skip(w);
                else if (f == 3)
                    model.modelType = static_cast<std::int32_t>(spec.varint());
                else if (f == 40)
                    model.unkId = static_cast<std::int32_t>(spec.varint());
                else if (f == 41)
                    model.bosId = static_cast<std::int32_t>(spec.varint());
                else if (f == 42)
                    model.eosId = static_cast<std::int32_t>(spec.varint());
                else if (f == 43)
                    model.padId = static_cast<std::int32_t>(spec.varint());
                else
                    spec.skip(w);
            }
        } else if (field == 3 && wire == 2) { // normalizer_spec
            WireReader spec = reader.message();
            while (!spec.atEnd()) {
                const auto [f, w] = spec.tag();
                if (f == 2 && w == 2)
                    model.hasCharsmap = !spec.message().rest().empty();
                else if (f == 3 && w == 0)
                    model.addDummyPrefix = spec.varint() != 0;
                else
                    spec.skip(w);
            }
        } else {
            reader.skip(wire);
        }
    }
    if (model.pieces.empty())
        reader.fail("it has no pieces");
    return model;
}

// A tokenizer.model as convert_hf_to_gguf.py writes it: the pieces with their scores
// and types, extra tokens of tokenizer_config.json after them.
std::vector<GgufKeyValue> metadataFromSentencePiece(const fs::path &folder, const fs::path &file,
                                                    const std::optional<TokenizerConfig> &config, SpecialTokenIds &ids)
{
    const std::string where = file.string();
    const SentencePieceModel model = readSentencePieceModel(readSmallFile(file), where);
    if (model.modelType != 2)
        throw Error(ErrorKind::Unsupported, where,
                    fmt::format("SentencePiece model type {} is not BPE (2); GGUF's 'llama' tokenizer is BPE",
                                model.modelType));
    if (model.hasCharsmap)
        throw Error(ErrorKind::Unsupported, where,
                    "the model normalizes text (precompiled_charsmap), which GGUF's 'llama' tokenizer does not do");

    std::vector<std::string> tokens;
    std::vector<float> scores;
    std::vector<std::int32_t> types;
    std::unordered_map<std::string, std::int32_t> index;
    auto add = [&](std::string text, float score, std::int32_t type, const std::string &at) {
        if (!utf8::isValid(text))
            throw Error(ErrorKind::Format, at, "the piece is not valid UTF-8");
        if (!index.emplace(text, static_cast<std::int32_t>(tokens.size())).second)
            throw Error(ErrorKind::Format, at, fmt::format("piece '{}' appears twice", text));
        if (type < static_cast<std::int32_t>(TokenType::Normal) || type > static_cast<std::int32_t>(TokenType::Byte))
            throw Error(ErrorKind::Format, at, fmt::format("piece type {} is not one of 1 to 6", type));
        if (type == static_cast<std::int32_t>(TokenType::Byte) && !isByteToken(text))
            throw Error(ErrorKind::Format, at, fmt::format("byte piece '{}' is not <0xNN>", text));
        tokens.push_back(std::move(text));
        scores.push_back(score);
        types.push_back(type);
    };
    for (std::size_t i = 0; i < model.pieces.size(); ++i)
        add(model.pieces[i].text, model.pieces[i].score, model.pieces[i].type, fmt::format("{}: piece {}", where, i));
    if (config) {
        std::vector<AddedToken> extra = config->addedTokens;
        std::sort(extra.begin(), extra.end(), [](const AddedToken &a, const AddedToken &b) { return a.id < b.id; });
        for (const AddedToken &token : extra) {
            const auto type = static_cast<std::int32_t>(token.special ? TokenType::Control : TokenType::UserDefined);
            const std::string at =
                fmt::format("{}: added_tokens_decoder.{}", (folder / "tokenizer_config.json").string(), token.id);
            if (static_cast<std::size_t>(token.id) < tokens.size()) {
                if (tokens[static_cast<std::size_t>(token.id)] != token.content)
                    throw Error(ErrorKind::Format, at,
                                fmt::format("'{}' has id {}, which tokenizer.model gives to '{}'", token.content,
                                            token.id, tokens[static_cast<std::size_t>(token.id)]));
                if (types[static_cast<std::size_t>(token.id)] == static_cast<std::int32_t>(TokenType::Normal))
                    types[static_cast<std::size_t>(token.id)] = type;
                continue;
            }
            if (static_cast<std::size_t>(token.id) != tokens.size())
                throw Error(ErrorKind::Format, at,
                            fmt::format("'{}' has id {}, leaving a gap after the {} tokens before it", token.content,
                                        token.id, tokens.size()));
            add(token.content, 0.0f, type, at);
        }
    }
    const std::size_t count = paddedVocabSize(folder, tokens.size());
    for (std::size_t id = tokens.size(); id < count; ++id)
        add(fmt::format("[PAD{}]", id), -10000.0f, static_cast<std::int32_t>(TokenType::Unused), where);

    auto validId = [&tokens](std::int32_t id) -> std::optional<std::int32_t> {
        if (id < 0 || static_cast<std::size_t>(id) >= tokens.size())
            return std::nullopt;
        return id;
    };
    ids = {validId(model.bosId), validId(model.eosId), validId(model.padId), validId(model.unkId)};
    if (config) { // names in tokenizer_config.json win, as the transformers tokenizer loads them
        auto resolve = [&index](const std::optional<std::string> &name, std::optional<std::int32_t> &target) {
            if (!name)
                return;
            if (const auto it = index.find(*name); it != index.end())
                target = it->second;
        };
        resolve(config->bosToken, ids.bos);
        resolve(config->eosToken, ids.eos);
        resolve(config->padToken, ids.pad);
        resolve(config->unkToken, ids.unk);
    }

    std::vector<GgufKeyValue> out;
    out.push_back({std::string(kModelKey), GgufValue("llama")});
    out.push_back({std::string(kPreKey), GgufValue("default")});
    out.push_back({std::string(kTokensKey), GgufValue(GgufArray(std::move(tokens)))});
    out.push_back({std::string(kScoresKey), GgufValue(GgufArray(std::move(scores)))});
    out.push_back({std::string(kTokenTypeKey), GgufValue(GgufArray(std::move(types)))});
    out.push_back({std::string(kAddSpacePrefixKey), GgufValue(model.addDummyPrefix)});
    return out;
}

std::optional<TokenizerConfig> tokenizerConfigOf(const fs::path &folder)
{
    std::error_code ec;
    const fs::path configPath = folder / "tokenizer_config.json";
    if (!fs::is_regular_file(configPath, ec))
        return std::nullopt;
    return TokenizerConfig::fromJson(readSmallFile(configPath), configPath.string());
}

// The ids, add_bos/add_eos flags and chat template every GGUF tokenizer carries.
// tokenizer_config.json decides add_bos/add_eos where it says; else the defaults given.
void addSpecialMetadata(std::vector<GgufKeyValue> &out, const fs::path &folder,
                        const std::optional<TokenizerConfig> &config, const SpecialTokenIds &ids, bool addBos,
                        bool addEos)
{
    auto addId = [&out](std::string_view key, std::optional<std::int32_t> id) {
        if (id)
            out.push_back({std::string(key), GgufValue(static_cast<std::uint32_t>(*id))});
    };
    addId(kBosKey, ids.bos);
    addId(kEosKey, ids.eos);
    addId(kUnkKey, ids.unk);
    addId(kPadKey, ids.pad);

    if (config && config->addBosToken)
        addBos = *config->addBosToken;
    if (config && config->addEosToken)
        addEos = *config->addEosToken;
    out.push_back({std::string(kAddBosKey), GgufValue(addBos && ids.bos.has_value())});
    out.push_back({std::string(kAddEosKey), GgufValue(addEos && ids.eos.has_value())});

    std::error_code ec;
    std::optional<std::string> chatTemplate = config ? config->chatTemplate : std::nullopt;
    const fs::path jinja = folder / "chat_template.jinja";
    if (!chatTemplate && fs::is_regular_file(jinja, ec))
        chatTemplate = readSmallFile(jinja);
    if (chatTemplate)
        out.push_back({std::string(kChatTemplateKey), GgufValue(std::move(*chatTemplate))});
}

} // namespace

bool addGgufTokenizerMetadata(GgufWriter &writer, const std::string &modelFolder)
{
    std::error_code ec;
    const fs::path folder(modelFolder);
    const fs::path tokenizerJson = folder / "tokenizer.json";
    const fs::path tokenizerModel = folder / "tokenizer.model";
    std::vector<GgufKeyValue> entries;
    if (fs::is_regular_file(tokenizerJson, ec)) {
        // Loading it first checks the whole file, and gives the special ids as we use them.
        const std::unique_ptr<Tokenizer> tokenizer = loadTokenizer(tokenizerJson.string());
        const std::optional<TokenizerConfig> config = tokenizerConfigOf(folder);
        entries = metadataFromTokenizerJson(folder, tokenizerJson);
        // Without a word from tokenizer_config.json, BOS/EOS are added when the
        // post-processor adds them.
        const SpecialTokenIds &ids = tokenizer->specialTokens();
        const std::vector<std::int32_t> wrapped = tokenizer->encode("", true);
        const bool addBos = !wrapped.empty() && ids.bos && wrapped.front() == *ids.bos;
        const bool addEos = wrapped.size() > (addBos ? 1u : 0u) && ids.eos && wrapped.back() == *ids.eos;
        addSpecialMetadata(entries, folder, config, ids, addBos, addEos);
    } else if (fs::is_regular_file(tokenizerModel, ec)) {
        const std::optional<TokenizerConfig> config = tokenizerConfigOf(folder);
        SpecialTokenIds ids;
        entries = metadataFromSentencePiece(folder, tokenizerModel, config, ids);
        addSpecialMetadata(entries, folder, config, ids, true, false); // SentencePiece's own defaults
    } else {
        return false;
    }
    for (GgufKeyValue &entry : entries)
        writer.addMetadata(std::move(entry.key), std::move(entry.value));
    return true;
}

} // namespace llmos

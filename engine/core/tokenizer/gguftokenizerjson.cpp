#include "tokenizer/gguftokenizerjson.h"

#include "tokenizer/bpetokenizerjson.h"

#include "formats/gguf/gguffile.h"
#include "tokenizer/gguftokenizerkeys.h"
#include "tokenizer/utf8.h"
#include "tokenizer/vocabulary.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <optional>
#include <unordered_map>
#include <vector>

namespace llmos {

namespace {

using nlohmann::json;
using namespace gguftokenizer;

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
        added.push_back(json(addedTokenJson(id, tokens[id], false, type != TokenType::UserDefined)));
    }
    return added;
}

// BOS/EOS around a sequence, as a TemplateProcessing post-processor; a pair gets them
// around each part, as Hugging Face's LlamaConverter writes it (the tokenizers library
// expects both sequences in the pair template).
json postProcessorJson(const GgufVocabulary &vocab, std::optional<std::int32_t> bos, std::optional<std::int32_t> eos)
{
    if (!bos && !eos)
        return nullptr;
    auto tokenOf = [&vocab](std::int32_t id) -> const std::string & {
        return vocab.tokens()[static_cast<std::size_t>(id)];
    };
    json specials = json::object();
    for (const auto id : {bos, eos})
        if (id)
            specials[tokenOf(*id)] = {{"id", tokenOf(*id)}, {"ids", {*id}}, {"tokens", {tokenOf(*id)}}};
    auto wrapped = [&](const char *sequence, int typeId) {
        json pieces = json::array();
        auto special = [&](std::int32_t id) {
            pieces.push_back({{"SpecialToken", {{"id", tokenOf(id)}, {"type_id", typeId}}}});
        };
        if (bos)
            special(*bos);
        pieces.push_back({{"Sequence", {{"id", sequence}, {"type_id", typeId}}}});
        if (eos)
            special(*eos);
        return pieces;
    };
    json pair = wrapped("A", 0);
    for (json &piece : wrapped("B", 1))
        pair.push_back(std::move(piece));
    return {{"type", "TemplateProcessing"}, {"single", wrapped("A", 0)}, {"pair", pair}, {"special_tokens", specials}};
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

// The WordPiece vocabulary of a "bert" file in Hugging Face's spelling: llama.cpp's
// converter writes a word-starting token as ▁token and a continuation "##token" as
// token, control tokens ([CLS], ...) as they are (the "phantom space" vocabulary).
std::vector<std::string> wordPieceTokens(const GgufVocabulary &vocab)
{
    std::vector<std::string> out;
    out.reserve(vocab.tokens().size());
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t id = 0; id < vocab.tokens().size(); ++id) {
        const std::string &token = vocab.tokens()[id];
        const TokenType type = vocab.type(id);
        if (type == TokenType::Control || type == TokenType::Unknown || type == TokenType::Unused)
            out.push_back(token);
        else if (token.starts_with(kSpaceMarker))
            out.push_back(token.substr(kSpaceMarker.size()));
        else
            out.push_back(std::string(kContinuationPrefix) + token);
    }
    for (std::size_t id = 0; id < out.size(); ++id)
        if (const auto [it, inserted] = seen.emplace(out[id], id); !inserted)
            throw Error(ErrorKind::Format, keyWhere(vocab.source(), kTokensKey, id),
                        fmt::format("token '{}' reads as '{}', which token {} already is", vocab.tokens()[id], out[id],
                                    it->second));
    return out;
}

// The first id of `keys` the file has, else the id of `fallback` in `tokens`.
std::optional<std::int32_t> wordPieceId(const GgufFile &file, const GgufVocabulary &vocab,
                                        std::initializer_list<std::string_view> keys,
                                        const std::vector<std::string> &tokens, std::string_view fallback)
{
    for (const auto key : keys)
        if (const auto id = vocab.idFrom(file, key))
            return id;
    const auto it = std::find(tokens.begin(), tokens.end(), fallback);
    return it == tokens.end() ? std::nullopt : std::optional(static_cast<std::int32_t>(it - tokens.begin()));
}

// A "bert" file as Hugging Face's BertTokenizerFast for an uncased model runs it:
// BertNormalizer (clean text, lowercase, accents stripped, CJK characters split),
// BertPreTokenizer, WordPiece with "##" continuations and [UNK], and [CLS] ... [SEP]
// around a text ([CLS] A [SEP] B [SEP] for a pair). llama.cpp's WordPiece also
// lowercases; a file says nothing about case, so uncased is what it means.
GgufTokenizerJson wordPieceTokenizerJson(const GgufFile &file)
{
    const std::string &source = file.sourceName();
    const GgufVocabulary vocab(file);
    const std::vector<std::string> tokens = wordPieceTokens(vocab);
    auto unk = wordPieceId(file, vocab, {kUnkKey}, tokens, "[UNK]");
    if (!unk)
        unk = firstOfType(vocab, TokenType::Unknown);
    if (!unk)
        throw Error(ErrorKind::Format, keyWhere(source, kUnkKey),
                    "is missing and there is no [UNK] token: WordPiece needs one for unknown words");
    const auto cls = wordPieceId(file, vocab, {kClsKey, kBosKey}, tokens, "[CLS]");
    const auto sep = wordPieceId(file, vocab, {kSepKey, kEosKey}, tokens, "[SEP]");
    const bool addCls = cls && (!file.find(kAddBosKey) || file.getBool(kAddBosKey));
    const bool addSep = sep && (!file.find(kAddEosKey) || file.getBool(kAddEosKey));

    json added = json::array();
    for (std::size_t id = 0; id < tokens.size(); ++id) {
        const TokenType type = vocab.type(id);
        if (type != TokenType::Control && type != TokenType::Unknown && type != TokenType::UserDefined)
            continue;
        added.push_back(json(addedTokenJson(id, tokens[id], type == TokenType::UserDefined, type != TokenType::UserDefined)));
    }
    json vocabObject = json::object();
    for (std::size_t id = 0; id < tokens.size(); ++id)
        vocabObject[tokens[id]] = id;
    json post = nullptr;
    if (addCls || addSep) {
        json specials = json::object();
        auto wrapped = [&](bool pair) {
            json pieces = json::array();
            auto special = [&](std::int32_t id, int typeId) {
                const auto &token = tokens[static_cast<std::size_t>(id)];
                pieces.push_back({{"SpecialToken", {{"id", token}, {"type_id", typeId}}}});
                specials[token] = {{"id", token}, {"ids", {id}}, {"tokens", {token}}};
            };
            if (addCls)
                special(*cls, 0);
            pieces.push_back({{"Sequence", {{"id", "A"}, {"type_id", 0}}}});
            if (addSep)
                special(*sep, 0);
            if (pair) {
                pieces.push_back({{"Sequence", {{"id", "B"}, {"type_id", 1}}}});
                if (addSep)
                    special(*sep, 1);
            }
            return pieces;
        };
        json single = wrapped(false);
        json pair = wrapped(true);
        post = {{"type", "TemplateProcessing"}, {"single", single}, {"pair", pair}, {"special_tokens", specials}};
    }
    json document = {
        {"version", "1.0"},
        {"truncation", nullptr},
        {"padding", nullptr},
        {"added_tokens", added},
        {"normalizer",
         {{"type", "BertNormalizer"},
          {"clean_text", true},
          {"handle_chinese_chars", true},
          {"strip_accents", nullptr},
          {"lowercase", true}}},
        {"pre_tokenizer", {{"type", "BertPreTokenizer"}}},
        {"post_processor", post},
        {"decoder", {{"type", "WordPiece"}, {"prefix", kContinuationPrefix}, {"cleanup", true}}},
        {"model",
         {{"type", "WordPiece"},
          {"unk_token", tokens[static_cast<std::size_t>(*unk)]},
          {"continuing_subword_prefix", kContinuationPrefix},
          {"max_input_chars_per_word", 100},
          {"vocab", vocabObject}}}};

    GgufTokenizerJson out;
    out.document = document.dump();
    out.addedTokens = std::move(added);
    out.specialTokens = {cls, sep, vocab.idFrom(file, kPadKey), unk};
    out.addBos = addCls;
    out.addEos = addSep;
    return out;
}

} // namespace

GgufTokenizerJson ggufTokenizerJson(const GgufFile &file)
{
    const std::string &source = file.sourceName();
    if (!file.find(kModelKey))
        throw Error(ErrorKind::NotFound, source, fmt::format("the file has no tokenizer ({} is missing)", kModelKey));
    const std::string &model = file.getString(kModelKey);
    if (model == "no_vocab")
        throw Error(ErrorKind::NotFound, keyWhere(source, kModelKey), "the file has no vocabulary ('no_vocab')");
    if (model == "bert")
        return wordPieceTokenizerJson(file);
    if (model != "gpt2" && model != "llama")
        throw Error(ErrorKind::Unsupported, keyWhere(source, kModelKey),
                    fmt::format("tokenizer model '{}' is not supported (supported: gpt2, llama, bert)", model));

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

    GgufTokenizerJson out;
    out.document = bpeTokenizerJsonText(head.dump(), bpe.dump(), vocab.tokens(), merges);
    out.addedTokens = std::move(head["added_tokens"]);
    out.specialTokens = {bos, eos, pad, unk};
    out.addBos = addBos;
    out.addEos = addEos;
    return out;
}

} // namespace llmos

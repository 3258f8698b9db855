#include "tokenizer/gguftokenizer.h"

#include "formats/gguf/ggufwriter.h"
#include "formats/strictjson.h"
#include "tokenizer/gguftokenizerkeys.h"
#include "tokenizer/jsonfields.h"
#include "tokenizer/loadtokenizer.h"
#include "tokenizer/sentencepiecemodelproto.h"
#include "tokenizer/tokenizerconfig.h"
#include "tokenizer/utf8.h"
#include "util/error.h"
#include "util/mappedfile.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <unordered_map>
#include <vector>

namespace llmos {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;
namespace jf = jsonfields;
using namespace gguftokenizer;

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

FolderVocabulary vocabularyOf(const json &root, const fs::path &folder, const std::string &where, bool withMerges = true)
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

    if (!withMerges)
        return vocab;
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

// convert_hf_to_gguf.py's BertModel.set_vocab: "bert" with llama.cpp's "phantom space"
// spelling (a word-starting token as ▁token, a "##" continuation without its
// prefix, control tokens as they are). llama.cpp's WordPiece lowercases and splits as
// BertPreTokenizer does, so only that form can be written.
std::vector<GgufKeyValue> metadataFromWordPiece(const fs::path &folder, const json &root, const std::string &where)
{
    const json &model = jf::require(root, "model", where);
    const json *normalizer = member(root, "normalizer");
    if (!isType(normalizer, "BertNormalizer") || !flag(*normalizer, "lowercase", true))
        throw Error(ErrorKind::Unsupported, jf::path(where, "normalizer"),
                    "a WordPiece tokenizer has a GGUF form only with a lowercasing BertNormalizer (llama.cpp's "
                    "WordPiece lowercases every text)");
    if (!isType(member(root, "pre_tokenizer"), "BertPreTokenizer"))
        throw Error(ErrorKind::Unsupported, jf::path(where, "pre_tokenizer"),
                    "a WordPiece tokenizer has a GGUF form only with BertPreTokenizer");
    const auto prefix = jf::optString(model, "continuing_subword_prefix", jf::path(where, "model"));
    if (prefix && *prefix != kContinuationPrefix)
        throw Error(ErrorKind::Unsupported, jf::path(where, "model.continuing_subword_prefix"),
                    fmt::format("'{}' is not \"##\", the only continuation prefix llama.cpp knows", *prefix));

    FolderVocabulary vocab = vocabularyOf(root, folder, where, /*withMerges=*/false);
    for (std::size_t id = 0; id < vocab.tokens.size(); ++id) {
        auto &type = vocab.types[id];
        if (type == static_cast<std::int32_t>(TokenType::Unknown)) // an added special token, as gguf-py types it
            type = static_cast<std::int32_t>(TokenType::Control);
        if (type == static_cast<std::int32_t>(TokenType::Control) || type == static_cast<std::int32_t>(TokenType::Unused))
            continue;
        std::string &token = vocab.tokens[id];
        token = token.starts_with(kContinuationPrefix) ? token.substr(kContinuationPrefix.size()) : kSpaceMarker + token;
    }
    std::vector<GgufKeyValue> out;
    out.push_back({std::string(kModelKey), GgufValue("bert")});
    out.push_back({std::string(kPreKey), GgufValue("default")});
    out.push_back({std::string(kTokensKey), GgufValue(GgufArray(std::move(vocab.tokens)))});
    out.push_back({std::string(kTokenTypeKey), GgufValue(GgufArray(std::move(vocab.types)))});
    return out;
}

std::vector<GgufKeyValue> metadataFromTokenizerJson(const fs::path &folder, const fs::path &file)
{
    const std::string where = file.string();
    const json root = parseJsonStrict(readSmallFile(file), where);
    const json &model = jf::require(root, "model", where);
    const std::string type = jf::typeOf(model, jf::path(where, "model"));
    if (type == "WordPiece")
        return metadataFromWordPiece(folder, root, where);
    if (type != "BPE")
        throw Error(ErrorKind::Unsupported, jf::path(where, "model.type"),
                    fmt::format("writing a '{}' tokenizer to GGUF is not supported (only BPE and WordPiece)", type));
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

// An id config.json or generation_config.json declares: a number, or the first of a list.
std::optional<std::int32_t> declaredId(const fs::path &path, std::string_view field)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        return std::nullopt;
    const json root = parseJsonStrict(readSmallFile(path), path.string());
    const json *value = member(root, field);
    if (value && value->is_array() && !value->empty())
        value = &value->front();
    if (!value || !value->is_number_unsigned() || value->get<std::uint64_t>() > 0x7fffffffu)
        return std::nullopt;
    return static_cast<std::int32_t>(value->get<std::uint64_t>());
}

// tokenizer_config.json's word on a special token: nothing when it does not name it (or
// says null, as Qwen3's bos_token: gguf-py then reads config.json); else the token's id.
std::optional<std::optional<std::int32_t>> tokenizerConfigSays(const fs::path &folder, std::string_view field,
                                                              const Tokenizer &tokenizer)
{
    std::error_code ec;
    const fs::path path = folder / "tokenizer_config.json";
    if (!fs::is_regular_file(path, ec))
        return std::nullopt;
    const json root = parseJsonStrict(readSmallFile(path), path.string());
    const json *value = member(root, field);
    if (value && value->is_object())
        value = member(*value, "content"); // an AddedToken written out
    if (!value || !value->is_string())
        return std::nullopt;
    return std::optional(tokenizer.tokenToId(value->get<std::string>()));
}

// BOS/EOS as the folder declares them, in gguf-py's order: tokenizer_config.json's
// token names, else config.json's ids, else generation_config.json's. A guess from token
// names is kept only for a special token: Qwen3's vocabulary has "<s>" as an ordinary
// merged token, which is no BOS.
void applyDeclaredSpecialIds(SpecialTokenIds &ids, const Tokenizer &tokenizer, const fs::path &folder)
{
    auto resolve = [&](std::optional<std::int32_t> &id, std::string_view tokenField, std::string_view idField) {
        if (const auto said = tokenizerConfigSays(folder, tokenField, tokenizer)) {
            id = *said;
            return;
        }
        for (const char *file : {"config.json", "generation_config.json"})
            if (const auto declared = declaredId(folder / file, idField); declared && static_cast<std::size_t>(*declared) < tokenizer.vocabSize()) {
                id = declared;
                return;
            }
        if (id && !tokenizer.isSpecial(*id))
            id.reset();
    };
    resolve(ids.bos, "bos_token", "bos_token_id");
    resolve(ids.eos, "eos_token", "eos_token_id");
}

// What gguf-py's SpecialVocab finds for a BERT tokenizer: the post-processor's first and
// last special tokens ([CLS], [SEP]) as BOS and EOS, and the cls / sep / mask ids.
void addWordPieceIds(std::vector<GgufKeyValue> &out, const Tokenizer &tokenizer,
                     const std::vector<std::int32_t> &wrapped, SpecialTokenIds &ids)
{
    auto addId = [&out](std::string_view key, std::int32_t id) {
        out.push_back({std::string(key), GgufValue(static_cast<std::uint32_t>(id))});
    };
    if (!wrapped.empty()) {
        ids.bos = wrapped.front();
        addId(kClsKey, wrapped.front());
    }
    if (wrapped.size() > 1) {
        ids.eos = wrapped.back();
        addId(kSepKey, wrapped.back());
    }
    if (const auto mask = tokenizer.tokenToId("[MASK]"))
        addId(kMaskKey, *mask);
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
        SpecialTokenIds ids = tokenizer->specialTokens();
        applyDeclaredSpecialIds(ids, *tokenizer, folder);
        const std::vector<std::int32_t> wrapped = tokenizer->encode("", true);
        if (entries.front().value.getIf<std::string>() && *entries.front().value.getIf<std::string>() == "bert")
            addWordPieceIds(entries, *tokenizer, wrapped, ids);
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

#include "model/modelconfig.h"

#include "formats/strictjson.h"
#include "util/error.h"
#include "util/mappedfile.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace llmos {

namespace {

// Sanity bounds: generous for real models, small enough that sizes derived from them
// cannot overflow (hidden × vocab stays far below 2^63).
constexpr std::int64_t kMaxDimension = 1 << 20;
constexpr std::int64_t kMaxVocab = 1 << 24;
constexpr std::int64_t kMaxLayers = 1024;
constexpr std::int64_t kMaxPositions = 1 << 24;
// rope_scaling fields config.json may leave out (transformers' llama3 defaults).
constexpr double kDefaultLowFreqFactor = 1.0;
constexpr double kDefaultHighFreqFactor = 4.0;
constexpr std::int64_t kDefaultOriginalMaxPositions = 8192;

class ConfigReader {
public:
    ConfigReader(const nlohmann::json &doc, const std::string &source)
        : m_doc(doc)
        , m_source(source)
    {
    }

    [[noreturn]] void fail(const std::string &field, const std::string &detail) const
    {
        throw Error(ErrorKind::Format, m_source + ": " + field, detail);
    }

    [[noreturn]] void unsupported(const std::string &field, const std::string &detail) const
    {
        throw Error(ErrorKind::Unsupported, m_source + ": " + field, detail);
    }

    bool has(const char *field) const
    {
        auto it = m_doc.find(field);
        return it != m_doc.end() && !it->is_null();
    }

    std::int64_t count(const char *field, std::int64_t maximum) const
    {
        auto it = m_doc.find(field);
        if (it == m_doc.end() || it->is_null())
            fail(field, "is missing");
        return checkCount(field, *it, maximum);
    }

    std::int64_t countOr(const char *field, std::int64_t fallback, std::int64_t maximum) const
    {
        return has(field) ? count(field, maximum) : fallback;
    }

    double number(const char *field, double fallback) const
    {
        if (!has(field))
            return fallback;
        const auto &v = m_doc.at(field);
        if (!v.is_number())
            fail(field, "must be a number");
        return v.get<double>();
    }

    bool flag(const char *field, bool fallback) const
    {
        if (!has(field))
            return fallback;
        const auto &v = m_doc.at(field);
        if (!v.is_boolean())
            fail(field, "must be true or false");
        return v.get<bool>();
    }

    std::string text(const char *field, const std::string &fallback = {}) const
    {
        if (!has(field))
            return fallback;
        const auto &v = m_doc.at(field);
        if (!v.is_string())
            fail(field, "must be a string");
        return v.get<std::string>();
    }

    std::optional<std::int64_t> tokenId(const char *field) const
    {
        if (!has(field))
            return std::nullopt;
        const auto &v = m_doc.at(field);
        if (!v.is_number_integer() || v.get<std::int64_t>() < 0)
            fail(field, "must be a non-negative token id");
        return v.get<std::int64_t>();
    }

    std::vector<std::int64_t> tokenIds(const char *field) const
    {
        if (!has(field))
            return {};
        const auto &v = m_doc.at(field);
        if (!v.is_array())
            return {*tokenId(field)};
        std::vector<std::int64_t> ids;
        for (const auto &e : v) {
            if (!e.is_number_integer() || e.get<std::int64_t>() < 0)
                fail(field, "must hold non-negative token ids");
            ids.push_back(e.get<std::int64_t>());
        }
        return ids;
    }

    const nlohmann::json &doc() const { return m_doc; }

private:
    std::int64_t checkCount(const char *field, const nlohmann::json &v, std::int64_t maximum) const
    {
        if (!v.is_number_integer())
            fail(field, "must be a whole number");
        const auto n = v.get<std::int64_t>();
        if (n <= 0)
            fail(field, "must be positive, not " + std::to_string(n));
        if (n > maximum)
            fail(field, std::to_string(n) + " is larger than the supported maximum " + std::to_string(maximum));
        return n;
    }

    const nlohmann::json &m_doc;
    const std::string &m_source;
};

void readGpt2(const ConfigReader &r, ModelConfig &c)
{
    c.vocabSize = r.count("vocab_size", kMaxVocab);
    c.hiddenSize = r.count("n_embd", kMaxDimension);
    c.numLayers = r.count("n_layer", kMaxLayers);
    c.numHeads = r.count("n_head", kMaxDimension);
    c.numKeyValueHeads = c.numHeads;
    c.maxPositionEmbeddings = r.count("n_positions", kMaxPositions);
    c.intermediateSize = r.countOr("n_inner", 4 * c.hiddenSize, kMaxDimension * 8);
    c.normEps = r.number("layer_norm_epsilon", 1e-5);
    c.hiddenAct = r.text("activation_function", "gelu_new");
    c.tieWordEmbeddings = r.flag("tie_word_embeddings", true);
}

void readLlama(const ConfigReader &r, ModelConfig &c)
{
    c.vocabSize = r.count("vocab_size", kMaxVocab);
    c.hiddenSize = r.count("hidden_size", kMaxDimension);
    c.intermediateSize = r.count("intermediate_size", kMaxDimension * 8);
    c.numLayers = r.count("num_hidden_layers", kMaxLayers);
    c.numHeads = r.count("num_attention_heads", kMaxDimension);
    c.numKeyValueHeads = r.countOr("num_key_value_heads", c.numHeads, kMaxDimension);
    c.maxPositionEmbeddings = r.countOr("max_position_embeddings", 2048, kMaxPositions);
    c.normEps = r.number("rms_norm_eps", 1e-6);
    c.hiddenAct = r.text("hidden_act", "silu");
    c.tieWordEmbeddings = r.flag("tie_word_embeddings", false);
    c.ropeTheta = r.number("rope_theta", 10000.0);
    if (c.ropeTheta <= 0)
        r.fail("rope_theta", "must be positive");
    // Qwen2 puts biases on q/k/v without saying so in the config.
    c.attentionBias = r.flag("attention_bias", c.modelType == "qwen2");
    c.mlpBias = r.flag("mlp_bias", false);
    // Mistral attends to the last sliding_window tokens only. Qwen2 configs carry the
    // field too but use it only with use_sliding_window, and then only from
    // max_window_layers on, which we do not implement.
    if (c.modelType == "mistral" && r.has("sliding_window"))
        c.slidingWindow = r.count("sliding_window", kMaxPositions);
    if (c.modelType == "qwen2" && r.flag("use_sliding_window", false))
        r.unsupported("use_sliding_window",
                      "Qwen2 sliding-window attention (per layer, from max_window_layers) is not supported");
    if (r.has("rope_scaling")) {
        const auto &s = r.doc().at("rope_scaling");
        if (!s.is_object())
            r.fail("rope_scaling", "must be an object");
        const ConfigReader sr(s, "rope_scaling");
        RopeScaling rs;
        rs.type = sr.text("rope_type", sr.text("type"));
        if (rs.type.empty())
            r.fail("rope_scaling.rope_type", "is missing");
        rs.factor = sr.number("factor", 1.0);
        if (rs.factor <= 0)
            r.fail("rope_scaling.factor", "must be positive");
        rs.lowFreqFactor = sr.number("low_freq_factor", kDefaultLowFreqFactor);
        rs.highFreqFactor = sr.number("high_freq_factor", kDefaultHighFreqFactor);
        rs.originalMaxPositionEmbeddings = static_cast<std::int64_t>(
            sr.number("original_max_position_embeddings", static_cast<double>(kDefaultOriginalMaxPositions)));
        if (rs.type != "default")
            c.ropeScaling = rs;
    }
}

void readBert(const ConfigReader &r, ModelConfig &c)
{
    c.vocabSize = r.count("vocab_size", kMaxVocab);
    c.hiddenSize = r.count("hidden_size", kMaxDimension);
    c.intermediateSize = r.count("intermediate_size", kMaxDimension * 8);
    c.numLayers = r.count("num_hidden_layers", kMaxLayers);
    c.numHeads = r.count("num_attention_heads", kMaxDimension);
    c.numKeyValueHeads = c.numHeads;
    c.maxPositionEmbeddings = r.countOr("max_position_embeddings", 512, kMaxPositions);
    c.typeVocabSize = r.countOr("type_vocab_size", 2, kMaxVocab);
    c.normEps = r.number("layer_norm_eps", 1e-12);
    c.hiddenAct = r.text("hidden_act", "gelu");
    c.tieWordEmbeddings = r.flag("tie_word_embeddings", true);
}

std::optional<ModelFamily> familyOf(const std::string &modelType)
{
    if (modelType == "gpt2")
        return ModelFamily::Gpt2;
    if (modelType == "llama" || modelType == "mistral" || modelType == "qwen2")
        return ModelFamily::Llama;
    if (modelType == "bert")
        return ModelFamily::Bert;
    return std::nullopt;
}

nlohmann::json ropeScalingToJson(const RopeScaling &s)
{
    nlohmann::json j{{"rope_type", s.type}, {"factor", s.factor}};
    // Other types ignore these; leave them out unless a value would be lost.
    if (s.type == "llama3" || s.lowFreqFactor != kDefaultLowFreqFactor || s.highFreqFactor != kDefaultHighFreqFactor
        || s.originalMaxPositionEmbeddings != kDefaultOriginalMaxPositions) {
        j["low_freq_factor"] = s.lowFreqFactor;
        j["high_freq_factor"] = s.highFreqFactor;
        j["original_max_position_embeddings"] = s.originalMaxPositionEmbeddings;
    }
    return j;
}

} // namespace

const char *modelFamilyName(ModelFamily family) noexcept
{
    switch (family) {
    case ModelFamily::Gpt2: return "gpt2";
    case ModelFamily::Llama: return "llama";
    case ModelFamily::Bert: return "bert";
    }
    return "unknown";
}

ModelConfig parseModelConfig(const nlohmann::json &config, const std::string &sourceName)
{
    if (!config.is_object())
        throw Error(ErrorKind::Format, sourceName, "must be a JSON object");
    const ConfigReader r(config, sourceName);
    ModelConfig c;
    c.modelType = r.text("model_type");
    if (c.modelType.empty())
        r.fail("model_type", "is missing");
    const auto family = familyOf(c.modelType);
    if (!family)
        throw Error(ErrorKind::Unsupported, sourceName + ": model_type",
                    "\"" + c.modelType + "\" is not supported (supported: gpt2, llama, mistral, qwen2, bert)");
    c.family = *family;
    if (r.has("architectures")) {
        const auto &a = config.at("architectures");
        if (!a.is_array())
            r.fail("architectures", "must be a list of names");
        for (const auto &name : a) {
            if (!name.is_string())
                r.fail("architectures", "must be a list of names");
            c.architectures.push_back(name.get<std::string>());
        }
    }
    switch (c.family) {
    case ModelFamily::Gpt2: readGpt2(r, c); break;
    case ModelFamily::Llama: readLlama(r, c); break;
    case ModelFamily::Bert: readBert(r, c); break;
    }

    const char *headsField = c.family == ModelFamily::Gpt2 ? "n_head" : "num_attention_heads";
    if (r.has("head_dim")) {
        c.headDim = r.count("head_dim", kMaxDimension);
    } else {
        if (c.hiddenSize % c.numHeads != 0)
            r.fail(headsField, "hidden size " + std::to_string(c.hiddenSize) + " is not divisible by "
                                   + std::to_string(c.numHeads) + " attention heads");
        c.headDim = c.hiddenSize / c.numHeads;
    }
    if (c.numHeads % c.numKeyValueHeads != 0)
        r.fail("num_key_value_heads", std::to_string(c.numKeyValueHeads) + " key/value heads do not divide "
                                          + std::to_string(c.numHeads) + " attention heads");
    if (c.family == ModelFamily::Llama && c.headDim % 2 != 0)
        r.fail("head_dim", "rotary embeddings need an even head dimension, not " + std::to_string(c.headDim));
    if (c.normEps <= 0 || c.normEps >= 1)
        r.fail(c.family == ModelFamily::Gpt2 ? "layer_norm_epsilon" : "rms_norm_eps", "must be between 0 and 1");

    c.bosTokenId = r.tokenId("bos_token_id");
    c.eosTokenIds = r.tokenIds("eos_token_id");
    c.padTokenId = r.tokenId("pad_token_id");
    for (auto id : c.eosTokenIds)
        if (id >= c.vocabSize)
            r.fail("eos_token_id", std::to_string(id) + " is outside the vocabulary of " + std::to_string(c.vocabSize));
    if (c.bosTokenId && *c.bosTokenId >= c.vocabSize)
        r.fail("bos_token_id", std::to_string(*c.bosTokenId) + " is outside the vocabulary of " + std::to_string(c.vocabSize));
    c.torchDtype = r.text("torch_dtype", r.text("dtype"));
    c.quantization = readQuantizationConfig(config, sourceName);

    if (r.has("id2label")) {
        const auto &labels = config.at("id2label");
        if (!labels.is_object())
            r.fail("id2label", "must map ids to names");
        std::vector<std::pair<std::int64_t, std::string>> pairs;
        for (const auto &[key, value] : labels.items()) {
            std::size_t used = 0;
            std::int64_t id = -1;
            try {
                id = std::stoll(key, &used);
            } catch (const std::exception &) {
            }
            if (used != key.size() || id < 0 || id >= static_cast<std::int64_t>(labels.size()) || !value.is_string())
                r.fail("id2label", "entry \"" + key + "\" must map an id 0..n-1 to a name");
            pairs.emplace_back(id, value.get<std::string>());
        }
        std::sort(pairs.begin(), pairs.end());
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            if (pairs[i].first != static_cast<std::int64_t>(i))
                r.fail("id2label", "ids must be 0.." + std::to_string(pairs.size() - 1) + " without gaps");
            c.labels.push_back(pairs[i].second);
        }
    }
    return c;
}

ModelConfig loadModelConfig(const std::string &path)
{
    MappedFile file(path);
    const auto bytes = file.bytes();
    const std::string_view text(reinterpret_cast<const char *>(bytes.data()), bytes.size());
    return parseModelConfig(parseJsonStrict(text, path), path);
}

nlohmann::json modelConfigToJson(const ModelConfig &c)
{
    nlohmann::json j{{"model_type", c.modelType}};
    if (!c.architectures.empty())
        j["architectures"] = c.architectures;
    j["vocab_size"] = c.vocabSize;
    switch (c.family) {
    case ModelFamily::Gpt2:
        j["n_embd"] = c.hiddenSize;
        j["n_layer"] = c.numLayers;
        j["n_head"] = c.numHeads;
        j["n_positions"] = c.maxPositionEmbeddings;
        j["n_ctx"] = c.maxPositionEmbeddings;
        j["n_inner"] = c.intermediateSize;
        j["layer_norm_epsilon"] = c.normEps;
        j["activation_function"] = c.hiddenAct;
        break;
    case ModelFamily::Llama:
        j["hidden_size"] = c.hiddenSize;
        j["intermediate_size"] = c.intermediateSize;
        j["num_hidden_layers"] = c.numLayers;
        j["num_attention_heads"] = c.numHeads;
        j["num_key_value_heads"] = c.numKeyValueHeads;
        j["max_position_embeddings"] = c.maxPositionEmbeddings;
        j["rms_norm_eps"] = c.normEps;
        j["hidden_act"] = c.hiddenAct;
        j["rope_theta"] = c.ropeTheta;
        if (c.ropeScaling)
            j["rope_scaling"] = ropeScalingToJson(*c.ropeScaling);
        if (c.attentionBias != (c.modelType == "qwen2"))
            j["attention_bias"] = c.attentionBias;
        if (c.mlpBias)
            j["mlp_bias"] = c.mlpBias;
        if (c.slidingWindow)
            j["sliding_window"] = *c.slidingWindow;
        break;
    case ModelFamily::Bert:
        j["hidden_size"] = c.hiddenSize;
        j["intermediate_size"] = c.intermediateSize;
        j["num_hidden_layers"] = c.numLayers;
        j["num_attention_heads"] = c.numHeads;
        j["max_position_embeddings"] = c.maxPositionEmbeddings;
        j["type_vocab_size"] = c.typeVocabSize;
        j["layer_norm_eps"] = c.normEps;
        j["hidden_act"] = c.hiddenAct;
        break;
    }
    j["tie_word_embeddings"] = c.tieWordEmbeddings;
    if (c.numHeads <= 0 || c.hiddenSize % c.numHeads != 0 || c.headDim != c.hiddenSize / c.numHeads)
        j["head_dim"] = c.headDim;
    if (c.bosTokenId)
        j["bos_token_id"] = *c.bosTokenId;
    if (c.eosTokenIds.size() == 1)
        j["eos_token_id"] = c.eosTokenIds.front();
    else if (!c.eosTokenIds.empty())
        j["eos_token_id"] = c.eosTokenIds;
    if (c.padTokenId)
        j["pad_token_id"] = *c.padTokenId;
    if (!c.torchDtype.empty())
        j["torch_dtype"] = c.torchDtype;
    if (c.quantization)
        j["quantization_config"] = quantizationConfigJson(*c.quantization);
    if (!c.labels.empty()) {
        nlohmann::json id2label = nlohmann::json::object();
        nlohmann::json label2id = nlohmann::json::object();
        for (std::size_t i = 0; i < c.labels.size(); ++i) {
            id2label[std::to_string(i)] = c.labels[i];
            label2id[c.labels[i]] = i;
        }
        j["id2label"] = id2label;
        j["label2id"] = label2id;
    }
    return j;
}

} // namespace llmos

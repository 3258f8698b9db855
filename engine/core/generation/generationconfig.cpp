#include "generation/generationconfig.h"

#include "util/error.h"
#include "util/mappedfile.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace llmos {

namespace {

class FieldReader {
public:
    FieldReader(const nlohmann::json &document, const std::string &source)
        : m_document(document)
        , m_source(source)
    {
    }

    template<typename T>
    std::optional<T> get(const char *field) const
    {
        const auto it = m_document.find(field);
        if (it == m_document.end() || it->is_null())
            return std::nullopt;
        const bool ok = std::is_same_v<T, bool>            ? it->is_boolean()
                        : std::is_integral_v<T>            ? it->is_number_integer()
                                                           : it->is_number();
        if (!ok)
            throw Error(ErrorKind::Format, m_source + ": " + field,
                        std::string("must be ") + (std::is_same_v<T, bool> ? "true or false"
                                                   : std::is_integral_v<T> ? "an integer"
                                                                           : "a number")
                            + ", found " + it->dump());
        return it->get<T>();
    }

    // eos_token_id: an integer or a list of integers.
    std::vector<std::int64_t> ids(const char *field) const
    {
        const auto it = m_document.find(field);
        if (it == m_document.end() || it->is_null())
            return {};
        if (it->is_number_integer())
            return {it->get<std::int64_t>()};
        std::vector<std::int64_t> out;
        if (it->is_array())
            for (const auto &item : *it) {
                if (!item.is_number_integer())
                    break;
                out.push_back(item.get<std::int64_t>());
            }
        if (!it->is_array() || out.size() != it->size())
            throw Error(ErrorKind::Format, m_source + ": " + field,
                        "must be a token id or a list of token ids, found " + it->dump());
        return out;
    }

private:
    const nlohmann::json &m_document;
    const std::string &m_source;
};

} // namespace

SamplingOptions GenerationDefaults::sampling(SamplingOptions base) const
{
    if (!doSample.value_or(false)) {
        base.temperature = 0;
    } else {
        base.temperature = temperature.value_or(base.temperature);
        base.topK = topK.value_or(base.topK);
        base.topP = topP.value_or(base.topP);
        base.minP = minP.value_or(base.minP);
    }
    base.repetitionPenalty = repetitionPenalty.value_or(base.repetitionPenalty);
    return base;
}

GenerationDefaults parseGenerationConfig(const std::string &json, const std::string &sourceName)
{
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(json);
    } catch (const nlohmann::json::parse_error &e) {
        throw Error(ErrorKind::Format, sourceName + ": byte " + std::to_string(e.byte), "is not valid JSON");
    }
    if (!document.is_object())
        throw Error(ErrorKind::Format, sourceName, "must be a JSON object");
    const FieldReader read(document, sourceName);
    GenerationDefaults d;
    d.eosTokenIds = read.ids("eos_token_id");
    d.bosTokenId = read.get<std::int64_t>("bos_token_id");
    d.padTokenId = read.get<std::int64_t>("pad_token_id");
    d.doSample = read.get<bool>("do_sample");
    d.temperature = read.get<double>("temperature");
    d.topK = read.get<std::int64_t>("top_k");
    d.topP = read.get<double>("top_p");
    d.minP = read.get<double>("min_p");
    d.repetitionPenalty = read.get<double>("repetition_penalty");
    d.maxNewTokens = read.get<std::int64_t>("max_new_tokens");
    return d;
}

GenerationDefaults loadGenerationConfig(const std::string &folder)
{
    const auto path = std::filesystem::path(folder) / "generation_config.json";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return {};
    return parseGenerationConfig(readWholeFile(path.string()), path.string());
}

} // namespace llmos

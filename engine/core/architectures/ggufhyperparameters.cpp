#include "architectures/ggufhyperparameters.h"

#include "architectures/ggufcausallm.h"
#include "architectures/ggufllamalayout.h"
#include "formats/gguf/gguffile.h"
#include "util/error.h"

#include <algorithm>
#include <limits>

namespace llmos {

GgufHyperparameters::GgufHyperparameters(const GgufFile &file, std::string architecture)
    : m_file(file)
    , m_architecture(std::move(architecture))
{
}

std::string GgufHyperparameters::key(std::string_view suffix) const
{
    return ggufKey(m_architecture, suffix);
}

std::string GgufHyperparameters::where(std::string_view fullKey) const
{
    return m_file.sourceName() + ": " + std::string(fullKey);
}

bool GgufHyperparameters::has(std::string_view suffix) const
{
    return m_file.find(key(suffix)) != nullptr;
}

std::int64_t GgufHyperparameters::count(std::string_view suffix) const
{
    requirePresent(key(suffix));
    return ggufClampedCount(m_file.getUInt(key(suffix)));
}

std::optional<std::int64_t> GgufHyperparameters::optionalCount(std::string_view suffix) const
{
    const auto value = m_file.findUInt(key(suffix));
    return value ? std::optional(ggufClampedCount(*value)) : std::nullopt;
}

double GgufHyperparameters::number(std::string_view suffix) const
{
    requirePresent(key(suffix));
    return ggufDecimal(m_file, key(suffix));
}

std::optional<double> GgufHyperparameters::optionalNumber(std::string_view suffix) const
{
    return has(suffix) ? std::optional(number(suffix)) : std::nullopt;
}

void GgufHyperparameters::requirePresent(const std::string &fullKey) const
{
    if (!m_file.find(fullKey))
        throw Error(ErrorKind::NotFound, where(fullKey),
                    "is missing; llama.cpp writes it for every " + m_architecture + " model");
}

GgufVocabularySize ggufVocabularySize(const GgufFile &file, const GgufHyperparameters &h)
{
    if (const auto vocab = h.optionalCount(ggufkey::kVocabSize))
        return {*vocab, h.key(ggufkey::kVocabSize)};
    const auto *embedding = file.findTensor("token_embd.weight");
    if (embedding && embedding->shape.size() == 2)
        return {embedding->shape[0], "token_embd.weight"};
    if (file.find(ggufkey::kTokens))
        return {static_cast<std::int64_t>(file.getArray(ggufkey::kTokens).size()), std::string(ggufkey::kTokens)};
    throw Error(ErrorKind::NotFound, h.where(h.key(ggufkey::kVocabSize)),
                "is missing, and there is neither a token_embd.weight nor a tokenizer to count tokens in");
}

std::int64_t ggufClampedCount(std::uint64_t value)
{
    return static_cast<std::int64_t>(std::min<std::uint64_t>(value, std::numeric_limits<std::int64_t>::max()));
}

ModelConfig parseWithGgufNames(const nlohmann::json &json, const GgufFile &file,
                               const std::vector<std::pair<std::string, std::string>> &fieldToKey)
{
    const auto prefix = file.sourceName() + ": ";
    try {
        return parseModelConfig(json, file.sourceName());
    } catch (const Error &e) {
        if (!e.where().starts_with(prefix))
            throw;
        const auto field = e.where().substr(prefix.size());
        for (const auto &[hf, gguf] : fieldToKey)
            if (field == hf)
                throw Error(e.kind(), prefix + gguf, e.detail());
        throw;
    }
}

} // namespace llmos

#pragma once

#include "model/modelconfig.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace llmos {

class GgufFile;

// The "<architecture>.*" hyperparameters of a GGUF file, read with errors whose `where`
// is "<file>: <key>": NotFound when a required key is missing, Format when its value is
// of the wrong type. Shared by the loaders of every GGUF architecture.
class GgufHyperparameters {
public:
    GgufHyperparameters(const GgufFile &file, std::string architecture);

    std::string key(std::string_view suffix) const;
    std::string where(std::string_view fullKey) const;
    bool has(std::string_view suffix) const;

    // A count; one above INT64_MAX reads as INT64_MAX (absurd anyway, never negative).
    std::int64_t count(std::string_view suffix) const;
    std::optional<std::int64_t> optionalCount(std::string_view suffix) const;
    // A float as ggufDecimal reads it.
    double number(std::string_view suffix) const;
    std::optional<double> optionalNumber(std::string_view suffix) const;

private:
    void requirePresent(const std::string &fullKey) const;

    const GgufFile &m_file;
    std::string m_architecture;
};

struct GgufVocabularySize {
    std::int64_t size = 0;
    std::string source; // the key or tensor it was read from, for messages
};

// The vocabulary size: <arch>.vocab_size when present, else the rows of
// token_embd.weight, else the number of tokenizer.ggml.tokens; Error(NotFound) when the
// file has none of them.
GgufVocabularySize ggufVocabularySize(const GgufFile &file, const GgufHyperparameters &h);

// A GGUF id or count as int64, clamped as GgufHyperparameters::count does.
std::int64_t ggufClampedCount(std::uint64_t value);

// parseModelConfig(json, file) with errors that name the GGUF key (the second of each
// pair) that held a config.json field (the first) rather than the field.
ModelConfig parseWithGgufNames(const nlohmann::json &json, const GgufFile &file,
                               const std::vector<std::pair<std::string, std::string>> &fieldToKey);

} // namespace llmos

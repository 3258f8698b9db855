#include "tokenizer/gguftokenizerexport.h"

#include "formats/gguf/gguffile.h"
#include "tokenizer/gguftokenizerjson.h"
#include "tokenizer/gguftokenizerkeys.h"
#include "tokenizer/utf8.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace llmos {

namespace {

using namespace gguftokenizer;
namespace fs = std::filesystem;

// The Unsupported errors of the reader say what is not supported; say also what it
// stops, since the person asked for an export, not a load.
GgufTokenizerJson describedForExport(const GgufFile &file)
{
    try {
        return ggufTokenizerJson(file);
    } catch (const Error &e) {
        if (e.kind() != ErrorKind::Unsupported)
            throw;
        throw Error(ErrorKind::Unsupported, e.where(),
                    e.detail() + "; this tokenizer cannot be written as a Hugging Face tokenizer");
    }
}

// added_tokens (a list of {id, content, ...}) in tokenizer_config.json's spelling: an
// object keyed by the id as text, without the id inside.
nlohmann::ordered_json addedTokensDecoder(const nlohmann::json &addedTokens)
{
    nlohmann::ordered_json decoder = nlohmann::ordered_json::object();
    for (const auto &token : addedTokens)
        decoder[std::to_string(token.at("id").get<std::int64_t>())] = {
            {"content", token.at("content")},         {"lstrip", token.at("lstrip")},
            {"normalized", token.at("normalized")},   {"rstrip", token.at("rstrip")},
            {"single_word", token.at("single_word")}, {"special", token.at("special")}};
    return decoder;
}

nlohmann::ordered_json tokenizerConfig(const GgufFile &file, const GgufTokenizerJson &described,
                                       std::optional<std::int64_t> modelMaxLength)
{
    // The generic fast class runs tokenizer.json as it is; a model's own class (e.g.
    // LlamaTokenizerFast) would rebuild its normalizer or post-processor from its own
    // defaults and could stop matching the GGUF.
    nlohmann::ordered_json config{{"tokenizer_class", "PreTrainedTokenizerFast"},
                                  {"add_bos_token", described.addBos},
                                  {"add_eos_token", described.addEos}};
    const auto &tokens = file.getArrayOf<std::string>(kTokensKey); // checked by ggufTokenizerJson
    const SpecialTokenIds &ids = described.specialTokens;
    for (const auto &[name, id] : {std::pair{"bos_token", ids.bos}, std::pair{"eos_token", ids.eos},
                                   std::pair{"unk_token", ids.unk}, std::pair{"pad_token", ids.pad}})
        if (id)
            config[name] = tokens[static_cast<std::size_t>(*id)];
    // transformers' default clean-up turns " ." into "." when decoding; llama.cpp and
    // our decoder keep the text as the tokens spell it.
    config["clean_up_tokenization_spaces"] = false;
    if (modelMaxLength)
        config["model_max_length"] = *modelMaxLength;
    if (auto chatTemplate = file.findString(kChatTemplateKey)) {
        if (!utf8::isValid(*chatTemplate))
            throw Error(ErrorKind::Format, file.sourceName() + ": " + std::string(kChatTemplateKey),
                        "the chat template is not valid UTF-8");
        config["chat_template"] = std::move(*chatTemplate);
    }
    config["added_tokens_decoder"] = addedTokensDecoder(described.addedTokens);
    return config;
}

} // namespace

bool writeGgufTokenizerAsHuggingFace(const GgufFile &file, const std::string &folder,
                                     std::optional<std::int64_t> modelMaxLength)
{
    if (!file.find(kModelKey) || file.getString(kModelKey) == "no_vocab")
        return false;
    const GgufTokenizerJson described = describedForExport(file);
    const nlohmann::ordered_json config = tokenizerConfig(file, described, modelMaxLength);
    const fs::path dir(folder);
    writeFileAtomically((dir / "tokenizer.json").string(), described.document);
    writeFileAtomically((dir / "tokenizer_config.json").string(), config.dump(2) + "\n");
    return true;
}

} // namespace llmos

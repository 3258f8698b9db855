#include "tokenizer/bpetokenizerfiles.h"

#include "tokenizer/bpetokenizerjson.h"
#include "tokenizer/bpetrainer.h"
#include "tokenizer/utf8.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace llmos {

namespace {

using nlohmann::ordered_json;
namespace fs = std::filesystem;

struct Role {
    const char *key;
    const std::optional<std::string> &token;
};

std::vector<Role> rolesOf(const BpeTokenizerFileOptions &options)
{
    return {{"bos_token", options.bosToken},
            {"eos_token", options.eosToken},
            {"unk_token", options.unkToken},
            {"pad_token", options.padToken}};
}

void checkRoles(const TrainedBpe &trained, const BpeTokenizerFileOptions &options)
{
    const auto specialsEnd = trained.tokens.begin() + static_cast<std::ptrdiff_t>(trained.specialCount);
    for (const Role &role : rolesOf(options))
        if (role.token && std::find(trained.tokens.begin(), specialsEnd, *role.token) == specialsEnd)
            throw Error(ErrorKind::InvalidInput, role.key,
                        fmt::format("'{}' is not one of the special tokens; add it as a special token", *role.token));
    if (options.modelMaxLength && *options.modelMaxLength <= 0)
        throw Error(ErrorKind::InvalidInput, "model_max_length",
                    fmt::format("{} is not a positive length", *options.modelMaxLength));
    if (options.chatTemplate && !utf8::isValid(*options.chatTemplate))
        throw Error(ErrorKind::InvalidInput, "chat_template", "the chat template is not valid UTF-8");
}

ordered_json specialTokensMapJson(const BpeTokenizerFileOptions &options)
{
    ordered_json map = ordered_json::object();
    for (const Role &role : rolesOf(options))
        if (role.token)
            map[role.key] = *role.token;
    return map;
}

} // namespace

ordered_json bpeTokenizerConfigJson(const TrainedBpe &trained, const BpeTokenizerFileOptions &options)
{
    checkRoles(trained, options);
    // The generic fast class runs tokenizer.json as it is written.
    ordered_json config{{"tokenizer_class", "PreTrainedTokenizerFast"}, {"add_bos_token", false}, {"add_eos_token", false}};
    for (const Role &role : rolesOf(options))
        config[role.key] = role.token ? ordered_json(*role.token) : ordered_json(nullptr);
    // transformers' default clean-up turns " ." into "."; a byte-level BPE decodes exactly.
    config["clean_up_tokenization_spaces"] = false;
    if (options.modelMaxLength)
        config["model_max_length"] = *options.modelMaxLength;
    if (options.chatTemplate)
        config["chat_template"] = *options.chatTemplate;
    ordered_json decoder = ordered_json::object();
    for (std::size_t id = 0; id < trained.specialCount; ++id)
        decoder[std::to_string(id)] = {{"content", trained.tokens[id]}, {"lstrip", false}, {"normalized", false},
                                       {"rstrip", false},               {"single_word", false}, {"special", true}};
    config["added_tokens_decoder"] = std::move(decoder);
    return config;
}

void writeBpeTokenizerFiles(const TrainedBpe &trained, const BpeTokenizerFileOptions &options, const std::string &folder)
{
    const ordered_json config = bpeTokenizerConfigJson(trained, options);
    const std::string document = bpeTokenizerJson(trained);
    const fs::path dir(folder);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw Error(ErrorKind::Io, folder, fmt::format("cannot create the folder: {}", ec.message()));
    writeFileAtomically((dir / "tokenizer.json").string(), document);
    writeFileAtomically((dir / "tokenizer_config.json").string(), config.dump(2) + "\n");
    writeFileAtomically((dir / "special_tokens_map.json").string(), specialTokensMapJson(options).dump(2) + "\n");
}

} // namespace llmos

#include "tokenizer/loadtokenizer.h"

#include "formats/gguf/gguffile.h"
#include "tokenizer/gguftokenizer.h"
#include "tokenizer/hftokenizer.h"
#include "tokenizer/sentencepiecetokenizer.h"
#include "tokenizer/tokenizerconfig.h"
#include "util/error.h"
#include "util/mappedfile.h"

#include <fmt/format.h>

#include <filesystem>

namespace llmos {

namespace {

namespace fs = std::filesystem;

// The largest tokenizer.json files seen are tens of MB; anything past this is not one.
constexpr std::size_t kMaxTokenizerFileBytes = std::size_t{1} << 30;

std::string_view contents(const MappedFile &file)
{
    if (file.size() > kMaxTokenizerFileBytes)
        throw Error(ErrorKind::Format, file.path(),
                    fmt::format("{} bytes is too large for a tokenizer file (limit {})", file.size(), kMaxTokenizerFileBytes));
    return {reinterpret_cast<const char *>(file.bytes().data()), file.size()};
}

bool looksLikeJson(std::string_view bytes)
{
    for (const char c : bytes) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        return c == '{';
    }
    return false;
}

void applyConfig(Tokenizer &tokenizer, const TokenizerConfig &config)
{
    SpecialTokenIds ids = tokenizer.specialTokens();
    auto resolve = [&tokenizer](const std::optional<std::string> &name, std::optional<std::int32_t> &target) {
        if (!name) return;
        if (const auto id = tokenizer.tokenToId(*name)) target = id;
    };
    resolve(config.bosToken, ids.bos);
    resolve(config.eosToken, ids.eos);
    resolve(config.padToken, ids.pad);
    resolve(config.unkToken, ids.unk);
    tokenizer.setSpecialTokens(ids);
}

} // namespace

std::unique_ptr<Tokenizer> loadTokenizerJson(std::string_view json, const std::string &sourceName)
{
    return HfTokenizer::fromJson(json, sourceName);
}

std::unique_ptr<Tokenizer> loadTokenizer(const std::string &path)
{
    std::error_code ec;
    fs::path file(path);
    fs::path folder;
    if (fs::is_directory(file, ec)) {
        folder = file;
        if (fs::exists(folder / "tokenizer.json", ec))
            file = folder / "tokenizer.json";
        else if (fs::exists(folder / "tokenizer.model", ec))
            file = folder / "tokenizer.model";
        else
            throw Error(ErrorKind::NotFound, path, "the folder has neither tokenizer.json nor tokenizer.model");
    } else if (file.extension() == ".gguf") {
        // A GGUF model carries its tokenizer (and special ids) in its own metadata.
        return loadGgufTokenizer(GgufFile::open(path));
    } else {
        folder = file.parent_path();
    }

    std::optional<TokenizerConfig> config;
    const fs::path configPath = (folder.empty() ? fs::path(".") : folder) / "tokenizer_config.json";
    if (fs::is_regular_file(configPath, ec)) {
        const MappedFile configFile(configPath.string());
        config = TokenizerConfig::fromJson(contents(configFile), configPath.string());
    }

    const MappedFile mapped(file.string());
    const std::string_view bytes = contents(mapped);
    std::unique_ptr<Tokenizer> tokenizer;
    const bool json = file.extension() == ".json" || (file.extension() != ".model" && looksLikeJson(bytes));
    if (json) {
        tokenizer = HfTokenizer::fromJson(bytes, file.string());
    } else {
        SentencePieceTokenizer::Options options;
        if (config) {
            options.addBos = config->addBosToken;
            options.addEos = config->addEosToken;
            options.addedTokens = config->addedTokens;
        }
        tokenizer = SentencePieceTokenizer::fromSerialized(bytes, file.string(), options);
    }
    if (config) applyConfig(*tokenizer, *config);
    return tokenizer;
}

} // namespace llmos

#include "training/tokenizercompanions.h"

#include "architectures/causallmloader.h"
#include "formats/gguf/gguffile.h"
#include "tokenizer/gguftokenizerexport.h"
#include "util/error.h"

#include <array>
#include <filesystem>
#include <string_view>

namespace fs = std::filesystem;

namespace llmos {

namespace {

// What a Hugging Face folder keeps beside its weights for tokenizing and generating.
constexpr std::array<std::string_view, 10> kCompanions{
    "generation_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
    "tokenizer.model",        "vocab.json",     "merges.txt",            "vocab.txt",
    "added_tokens.json",      "chat_template.jinja"};

} // namespace

void copyTokenizerCompanions(const std::string &baseModelPath, const std::string &folder)
{
    std::error_code ec;
    if (isGgufFile(baseModelPath)) {
        if (!fs::exists(fs::path(folder) / "tokenizer.json", ec))
            writeGgufTokenizerAsHuggingFace(GgufFile::open(baseModelPath), folder);
        return;
    }
    for (const auto name : kCompanions) {
        const auto source = fs::path(baseModelPath) / name;
        const auto target = fs::path(folder) / name;
        if (!fs::is_regular_file(source, ec) || fs::exists(target, ec))
            continue;
        fs::copy_file(source, target, ec);
        if (ec)
            throw Error(ErrorKind::Io, target.string(), "could not be copied from " + source.string() + ": " + ec.message());
    }
}

} // namespace llmos

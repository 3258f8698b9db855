#include "chat/modelchattemplate.h"

#include "formats/gguf/gguffile.h"
#include "tokenizer/tokenizerconfig.h"
#include "util/mappedfile.h"

#include <filesystem>

namespace llmos {

namespace fs = std::filesystem;

std::optional<ChatTemplateSource> findChatTemplate(const std::string &modelPath)
{
    std::error_code ec;
    const fs::path path(modelPath);
    if (!fs::is_directory(path, ec)) {
        if (path.extension() != ".gguf")
            return std::nullopt;
        const auto file = GgufFile::open(modelPath);
        if (auto text = file.findString("tokenizer.chat_template"))
            return ChatTemplateSource{std::move(*text), modelPath};
        return std::nullopt;
    }
    const auto jinja = path / "chat_template.jinja";
    if (fs::is_regular_file(jinja, ec))
        return ChatTemplateSource{readWholeFile(jinja.string()), jinja.string()};
    const auto configPath = path / "tokenizer_config.json";
    if (!fs::is_regular_file(configPath, ec))
        return std::nullopt;
    auto config = TokenizerConfig::fromJson(readWholeFile(configPath.string()), configPath.string());
    if (!config.chatTemplate)
        return std::nullopt;
    return ChatTemplateSource{std::move(*config.chatTemplate), configPath.string()};
}

} // namespace llmos

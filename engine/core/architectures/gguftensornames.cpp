#include "architectures/gguftensornames.h"

#include <algorithm>

namespace llmos {

std::optional<std::string> ggufTensorNameFrom(std::string_view parameter, std::string_view layerPrefix,
                                              GgufNamePairs modelTensors, GgufNamePairs layerTensors)
{
    for (const auto &[hf, gguf] : modelTensors)
        if (parameter == hf)
            return std::string(gguf);
    if (!parameter.starts_with(layerPrefix))
        return std::nullopt;
    const auto rest = parameter.substr(layerPrefix.size());
    const auto dot = rest.find('.');
    if (dot == std::string_view::npos || dot == 0 ||
        !std::all_of(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(dot),
                     [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const auto tail = rest.substr(dot + 1);
    for (const auto &[hf, gguf] : layerTensors)
        if (tail == hf)
            return "blk." + std::string(rest.substr(0, dot)) + "." + std::string(gguf);
    return std::nullopt;
}

} // namespace llmos

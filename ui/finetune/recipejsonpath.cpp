#include "finetune/recipejsonpath.h"

#include <algorithm>

namespace llmos {

const nlohmann::json *findAtPath(const nlohmann::json &document, std::string_view path)
{
    const nlohmann::json *node = &document;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t dot = std::min(path.find('.', start), path.size());
        if (!node->is_object())
            return nullptr;
        const auto found = node->find(std::string(path.substr(start, dot - start)));
        if (found == node->end())
            return nullptr;
        node = &*found;
        start = dot + 1;
    }
    return node;
}

void setAtPath(nlohmann::json &document, std::string_view path, nlohmann::json value)
{
    nlohmann::json *node = &document;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = path.find('.', start);
        if (!node->is_object())
            *node = nlohmann::json::object();
        if (dot == std::string_view::npos) {
            (*node)[std::string(path.substr(start))] = std::move(value);
            return;
        }
        node = &(*node)[std::string(path.substr(start, dot - start))];
        start = dot + 1;
    }
}

bool pathContains(std::string_view path, std::string_view where)
{
    if (!where.starts_with(path))
        return false;
    return where.size() == path.size() || where[path.size()] == '.' || where[path.size()] == '[';
}

std::string fieldOfWhere(const std::string &where, const std::string &source)
{
    const std::string prefix = source + ": ";
    return where.starts_with(prefix) ? where.substr(prefix.size()) : where;
}

} // namespace llmos

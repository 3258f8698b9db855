#include "formats/strictjson.h"

#include "util/error.h"

#include <unordered_set>
#include <vector>

namespace llmos {

namespace {

struct ObjectFrame {
    std::unordered_set<std::string> keys;
    std::string currentKey;
};

// JSON Pointer style path of the object being parsed, for error messages.
std::string pointerOf(const std::vector<ObjectFrame> &frames)
{
    std::string path;
    for (std::size_t i = 0; i + 1 < frames.size(); ++i)
        path += "/" + frames[i].currentKey;
    return path.empty() ? "/" : path;
}

} // namespace

std::string lineColumn(std::string_view text, std::size_t byteOffset)
{
    std::size_t line = 1, column = 1;
    const std::size_t end = std::min(byteOffset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

nlohmann::json parseJsonStrict(std::string_view text, const std::string &sourceName, JsonLimits limits)
{
    using nlohmann::json;
    std::vector<ObjectFrame> frames;
    auto callback = [&](int depth, json::parse_event_t event, json &parsed) -> bool {
        if (static_cast<std::size_t>(depth) > limits.maxDepth)
            throw Error(ErrorKind::Format, sourceName,
                        "JSON nested deeper than " + std::to_string(limits.maxDepth) + " levels");
        switch (event) {
        case json::parse_event_t::object_start:
            frames.emplace_back();
            break;
        case json::parse_event_t::object_end:
            if (!frames.empty())
                frames.pop_back();
            break;
        case json::parse_event_t::key: {
            auto &frame = frames.back();
            const std::string &key = parsed.get_ref<const std::string &>();
            if (!frame.keys.insert(key).second)
                throw Error(ErrorKind::Format, sourceName + ": " + pointerOf(frames),
                            "duplicate key \"" + key + "\"");
            frame.currentKey = key;
            break;
        }
        default:
            break;
        }
        return true;
    };
    try {
        return json::parse(text.begin(), text.end(), callback);
    } catch (const json::parse_error &e) {
        // e.byte is 1-based: the position just after the offending character.
        const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
        std::string detail = e.what();
        // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: ".
        if (auto colon = detail.find(": "); colon != std::string::npos)
            detail = detail.substr(colon + 2);
        throw Error(ErrorKind::Format, sourceName + ": " + lineColumn(text, at), "invalid JSON: " + detail);
    } catch (const json::exception &e) {
        // Not a syntax error but a value nlohmann cannot hold, e.g. 1e400 (out_of_range.406).
        std::string detail = e.what();
        if (auto bracket = detail.find("] "); bracket != std::string::npos)
            detail = detail.substr(bracket + 2);
        throw Error(ErrorKind::Format, sourceName, "invalid JSON: " + detail);
    }
}

} // namespace llmos

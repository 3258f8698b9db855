#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace llmos {

// Parses a JSON document from an untrusted source, stricter than nlohmann's defaults:
// duplicate keys in an object are an error (nlohmann would keep the last one silently)
// and nesting is bounded. Errors are Error(Format) with `where` = "source: line L, column C"
// (or the key path for duplicates) and a plain-words detail.
struct JsonLimits {
    std::size_t maxDepth = 256;
};

nlohmann::json parseJsonStrict(std::string_view text, const std::string &sourceName, JsonLimits limits = {});

// Line and column (both 1-based) of a byte offset in text, for error messages.
std::string lineColumn(std::string_view text, std::size_t byteOffset);

} // namespace llmos

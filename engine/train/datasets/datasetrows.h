#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace llmos {

// One row as the readers produce it, before its kind gives it meaning: a JSON object
// (CSV rows become objects of strings, text documents {"text": ...}). line is 1-based.
struct SourceRow {
    std::uint64_t line = 0;
    nlohmann::ordered_json value;
};

// A row that cannot be used, and why. column is 1-based, 0 where it does not apply
// (a CSV row, a missing field).
struct BadRow {
    std::string file; // set for a folder of text files, empty for a single file
    std::uint64_t line = 0;
    std::uint64_t column = 0;
    std::string reason;
};

// Where readers send what they find. onProgress gets bytes done and the file's total.
struct RowSink {
    std::function<void(SourceRow &&)> onRow;
    std::function<void(BadRow &&)> onBadRow;
    std::function<void(std::uint64_t done, std::uint64_t total)> onProgress;
};

} // namespace llmos

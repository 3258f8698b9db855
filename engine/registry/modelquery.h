#pragma once

#include "registry/modelrecord.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace llmos {

// What the model browser and `llmos models list` ask for: filters that all must hold,
// an order, and a page. Every filter left empty matches everything.
struct ModelQuery {
    enum class Sort { Name, Created, Size, Parameters };

    std::string text;   // part of the name, description, architecture or family (any case)
    std::string family; // exactly
    std::string tag;    // the model has this tag
    std::optional<ModelOrigin> origin;
    std::optional<ModelFormat> format;
    std::optional<std::uint64_t> minSize; // bytes, inclusive
    std::optional<std::uint64_t> maxSize;
    Sort sort = Sort::Name;
    bool descending = false;
    std::size_t limit = 0; // 0: no limit
    std::size_t offset = 0;
};

} // namespace llmos

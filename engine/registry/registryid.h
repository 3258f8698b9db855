#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace llmos {

// A new id for a registry row: the prefix ("m" model, "r" run, "d" dataset), a dash and
// 12 characters of base-32 (0-9 a-z without i, l, o, u) from 60 random bits. Short enough
// to type, and a collision needs about a billion rows of one kind.
std::string newRegistryId(char prefix);

// True for text shaped like an id of that prefix. Model names of this shape are refused
// so that "get by id or name" is never ambiguous.
bool looksLikeRegistryId(std::string_view text, char prefix) noexcept;

// Seconds since the Unix epoch, and its ISO 8601 UTC text ("2025-01-31T12:00:00Z").
std::int64_t unixTimeNow();
std::string isoTimeUtc(std::int64_t unixSeconds);

} // namespace llmos

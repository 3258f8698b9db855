#pragma once

#include <string>
#include <string_view>

namespace llmos {

// Crockford's base 32 (no i, l, o, u): what the random part of every id is written in.
inline constexpr std::string_view kIdAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";
inline constexpr std::size_t kRandomIdLength = 12;

// `prefix` followed by 12 random base-32 characters (60 bits from the kernel's
// generator): "r-", "s-", "m-"... The shape of run, sweep and registry ids.
std::string randomId(std::string_view prefix);

// True for text that can name a folder of ours (runs/<id>, sweeps/<id>): 1..64
// characters of a-z, A-Z, 0-9, '-', '_' and '.', not starting with '.'. Keeps "../x",
// "/etc" and the like out of paths.
bool isSafeFolderName(std::string_view text) noexcept;

} // namespace llmos

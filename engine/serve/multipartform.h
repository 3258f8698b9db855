#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmos::serve {

// One part of a multipart/form-data body (RFC 7578): a form field or an uploaded file.
// `data` points into the body it was parsed from.
struct FormPart {
    std::string name;                    // Content-Disposition's name
    std::optional<std::string> filename; // present for files (may be empty)
    std::string contentType;             // the part's Content-Type; empty when it has none
    std::string_view data;
};

struct MultipartLimits {
    std::size_t maxParts = 16;
    std::size_t maxPartHeaderBytes = 8 * 1024; // one part's header block
    std::size_t maxHeadersPerPart = 16;
};

// Splits a multipart/form-data body into its parts. Written by hand: Beast has no
// multipart parser and none of the libraries at hand has one. Every offset is checked
// against what remains of the body before it is used, and nothing is copied but names.
// Throws ApiError(400) that says what is wrong and at which byte: a Content-Type that is
// not multipart/form-data or has no boundary, a missing first or closing delimiter, a
// part without a blank line after its headers or without a name, more parts or larger
// part headers than the limits allow.
std::vector<FormPart> parseMultipartForm(std::string_view contentType, std::string_view body,
                                         const MultipartLimits &limits = {});

// The value of one parameter of a header such as Content-Type or Content-Disposition
// ("boundary", "name", "filename"), unquoted; nullopt when it is absent. Names compare
// without case; quoted values may hold "\\" escapes and ';'.
std::optional<std::string> headerParameter(std::string_view headerValue, std::string_view parameter);

} // namespace llmos::serve

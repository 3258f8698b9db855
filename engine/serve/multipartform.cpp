#include "serve/multipartform.h"

#include "serve/apierror.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace llmos::serve {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

ApiError malformed(const std::string &what)
{
    return ApiError(400, "the multipart/form-data body is malformed: " + what, {}, "invalid_multipart");
}

// A part's header block (without its closing blank line): Content-Disposition and
// Content-Type; other headers are ignored.
void readPartHeaders(std::string_view block, std::size_t offset, const MultipartLimits &limits, FormPart &part)
{
    std::size_t count = 0;
    bool disposition = false;
    while (!block.empty()) {
        const auto end = block.find("\r\n");
        const auto line = block.substr(0, end);
        block = end == std::string_view::npos ? std::string_view{} : block.substr(end + 2);
        if (++count > limits.maxHeadersPerPart)
            throw malformed("a part at byte " + std::to_string(offset) + " has more than " +
                            std::to_string(limits.maxHeadersPerPart) + " headers");
        const auto colon = line.find(':');
        if (colon == std::string_view::npos)
            throw malformed("a header line of the part at byte " + std::to_string(offset) + " has no ':'");
        const auto name = trimmed(line.substr(0, colon));
        const auto value = trimmed(line.substr(colon + 1));
        if (equalsIgnoringCase(name, "content-disposition")) {
            const auto type = trimmed(value.substr(0, value.find(';')));
            if (!equalsIgnoringCase(type, "form-data"))
                throw malformed("the part at byte " + std::to_string(offset) + " is not form-data");
            auto fieldName = headerParameter(value, "name");
            if (!fieldName || fieldName->empty())
                throw malformed("the part at byte " + std::to_string(offset) + " has no name");
            part.name = std::move(*fieldName);
            part.filename = headerParameter(value, "filename");
            disposition = true;
        } else if (equalsIgnoringCase(name, "content-type")) {
            part.contentType = std::string(value);
        }
    }
    if (!disposition)
        throw malformed("the part at byte " + std::to_string(offset) + " has no Content-Disposition header");
}

} // namespace

std::optional<std::string> headerParameter(std::string_view value, std::string_view parameter)
{
    auto rest = value.substr(std::min(value.size(), value.find(';')));
    while (!rest.empty()) {
        rest.remove_prefix(1); // the ';'
        const auto equals = rest.find_first_of("=;");
        const auto name = trimmed(rest.substr(0, equals));
        if (equals == std::string_view::npos || rest[equals] == ';') { // a parameter without a value
            rest = rest.substr(std::min(rest.size(), equals));
            continue;
        }
        rest = rest.substr(equals + 1);
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t'))
            rest.remove_prefix(1);
        std::string parsed;
        if (!rest.empty() && rest.front() == '"') {
            std::size_t i = 1;
            bool closed = false;
            for (; i < rest.size(); ++i) {
                if (rest[i] == '\\' && i + 1 < rest.size())
                    parsed += rest[++i];
                else if (rest[i] == '"') {
                    closed = true;
                    break;
                } else
                    parsed += rest[i];
            }
            if (!closed)
                return std::nullopt; // an unterminated quote: nothing after it can be trusted
            rest = rest.substr(i + 1);
            rest = rest.substr(std::min(rest.size(), rest.find(';')));
        } else {
            const auto end = rest.find(';');
            parsed = std::string(trimmed(rest.substr(0, end)));
            rest = rest.substr(std::min(rest.size(), end));
        }
        if (equalsIgnoringCase(name, parameter))
            return parsed;
    }
    return std::nullopt;
}

std::vector<FormPart> parseMultipartForm(std::string_view contentType, std::string_view body,
                                         const MultipartLimits &limits)
{
    const auto type = trimmed(contentType.substr(0, contentType.find(';')));
    if (!equalsIgnoringCase(type, "multipart/form-data"))
        throw ApiError(400, "the request must be multipart/form-data (a file upload), not '" +
                                std::string(type.substr(0, 64)) + "'",
                       {}, "invalid_content_type");
    const auto boundary = headerParameter(contentType, "boundary");
    if (!boundary || boundary->empty() || boundary->size() > 70)
        throw malformed("the Content-Type has no boundary of 1 to 70 characters");

    const std::string delimiter = "--" + *boundary;
    const std::string innerDelimiter = "\r\n" + delimiter;
    const std::boyer_moore_horspool_searcher findInner(innerDelimiter.begin(), innerDelimiter.end());
    const auto find = [&](std::size_t from) -> std::size_t {
        const auto at = std::search(body.begin() + static_cast<std::ptrdiff_t>(from), body.end(), findInner);
        return at == body.end() ? std::string_view::npos : static_cast<std::size_t>(at - body.begin());
    };

    // The first delimiter opens the body, or ends a preamble that is ignored.
    std::size_t pos;
    if (body.starts_with(delimiter))
        pos = delimiter.size();
    else if (const auto first = find(0); first != std::string_view::npos)
        pos = first + innerDelimiter.size();
    else
        throw malformed("the boundary given in the Content-Type never occurs in the body");

    std::vector<FormPart> parts;
    for (;;) {
        // After a delimiter: "--" closes the body (an epilogue is ignored), else optional
        // padding and a line break start the next part.
        if (body.substr(pos, 2) == "--")
            return parts;
        while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t'))
            ++pos;
        if (body.substr(pos, 2) != "\r\n")
            throw malformed(pos >= body.size() ? std::string("the body ends without a closing boundary")
                                               : "unexpected bytes after a boundary at byte " + std::to_string(pos));
        pos += 2;
        if (parts.size() == limits.maxParts)
            throw malformed("more than " + std::to_string(limits.maxParts) + " parts");

        const auto headerStart = pos;
        const auto window = body.substr(headerStart, limits.maxPartHeaderBytes + 4);
        std::size_t blank;
        if (window.starts_with("\r\n"))
            blank = 0; // no headers at all
        else if (const auto at = window.find("\r\n\r\n"); at != std::string_view::npos)
            blank = at + 2;
        else
            throw malformed("the headers of the part at byte " + std::to_string(headerStart) +
                            (window.size() > limits.maxPartHeaderBytes
                                 ? " are larger than " + std::to_string(limits.maxPartHeaderBytes) + " bytes"
                                 : std::string(" have no blank line after them")));
        FormPart part;
        readPartHeaders(body.substr(headerStart, blank == 0 ? 0 : blank - 2), headerStart, limits, part);

        const auto dataStart = headerStart + blank + 2;
        const auto dataEnd = find(dataStart);
        if (dataEnd == std::string_view::npos)
            throw malformed("the body ends inside the part '" + part.name.substr(0, 64) +
                            "' (no boundary after its data)");
        part.data = body.substr(dataStart, dataEnd - dataStart);
        parts.push_back(std::move(part));
        pos = dataEnd + innerDelimiter.size();
    }
}

} // namespace llmos::serve

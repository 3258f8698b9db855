#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace llmos {

// What kind of failure an Error is; the boundaries (CLI, GUI, HTTP) map it to an
// exit code, a dialog or a status code.
enum class ErrorKind {
    InvalidInput,  // the caller passed something impossible (bad argument, bad value)
    Format,        // a file or document does not follow its format
    Unsupported,   // valid, but not something we handle (a dtype, a version, pickle)
    NotFound,      // a file, tensor, key or token that does not exist
    Io,            // the operating system refused (permissions, disk full, ...)
    Cancelled,     // the user asked to stop
    Internal,      // a bug on our side
};

const char *errorKindName(ErrorKind kind) noexcept;

// The engine's one exception type. `where` says where the problem is (a file name,
// "file: byte 1234", "config.json: num_attention_heads"), `detail` what is wrong and,
// when it helps, what to do. They are kept apart so the HTTP layer can leave out
// paths (which may hold user names) and still give the detail.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string where, std::string detail);

    ErrorKind kind() const noexcept { return m_kind; }
    const std::string &where() const noexcept { return m_where; }
    const std::string &detail() const noexcept { return m_detail; }

private:
    ErrorKind m_kind;
    std::string m_where;
    std::string m_detail;
};

// "file: byte N" — the usual `where` of a parser error.
std::string atByte(const std::string &file, std::uint64_t offset);

} // namespace llmos

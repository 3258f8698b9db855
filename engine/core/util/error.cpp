#include "util/error.h"

namespace llmos {

namespace {
std::string compose(const std::string &where, const std::string &detail)
{
    return where.empty() ? detail : where + ": " + detail;
}
} // namespace

const char *errorKindName(ErrorKind kind) noexcept
{
    switch (kind) {
    case ErrorKind::InvalidInput: return "invalid_input";
    case ErrorKind::Format: return "format";
    case ErrorKind::Unsupported: return "unsupported";
    case ErrorKind::NotFound: return "not_found";
    case ErrorKind::Io: return "io";
    case ErrorKind::Cancelled: return "cancelled";
    case ErrorKind::Internal: return "internal";
    }
    return "internal";
}

Error::Error(ErrorKind kind, std::string where, std::string detail)
    : std::runtime_error(compose(where, detail))
    , m_kind(kind)
    , m_where(std::move(where))
    , m_detail(std::move(detail))
{
}

std::string atByte(const std::string &file, std::uint64_t offset)
{
    return file + ": byte " + std::to_string(offset);
}

} // namespace llmos

#include "jobs/runid.h"

#include "util/randomid.h"

namespace llmos {

std::string newRunId()
{
    return randomId("r-");
}

bool isSafeRunIdText(std::string_view text) noexcept
{
    return isSafeFolderName(text);
}

} // namespace llmos

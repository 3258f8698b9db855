// A request body as the OpenAI endpoints read it (engine/serve/openairequest.h): any bytes
// must end in parsed parameters or an ApiError (a 400 naming the field), never a crash,
// a hang, or another exception (nlohmann's type errors would be a missed check).
#include "serve/apierror.h"
#include "serve/openairequest.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace llmos::serve;
    HttpRequest request{"POST", "/v1/chat/completions", std::string(reinterpret_cast<const char *>(data), size),
                        {{"content-type", "application/json"}}};
    const InferenceLimits limits;
    try {
        const auto body = parseJsonBody(request, limits);
        auto params = parseCompletionParams(body, limits, 16);
        applySamplingDefaults(params, body, {});
        stringOrStrings(body, "prompt", limits.maxPrompts);
    } catch (const ApiError &) {
    }
    return 0;
}

#pragma once

#include "serve/openairequest.h"

namespace llmos::serve {

class ApiRouter;
class ModelPool;
class ServerMetrics;

// The OpenAI-compatible routes (docs/api.md): GET /v1/models, GET /v1/models/{model},
// POST /v1/chat/completions, POST /v1/completions (both streamed as server-sent events
// with "stream": true, ending with "data: [DONE]"), POST /v1/embeddings. Handlers run on
// request threads; a client that disconnects stops its generation within one token.
// Generations are counted in `metrics` (tokens, time to the first token).
void addOpenAiRoutes(ApiRouter &router, ModelPool &models, const InferenceLimits &limits, ServerMetrics &metrics);

} // namespace llmos::serve

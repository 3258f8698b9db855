#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace llmos::serve {

// One answered request, as the window's request log shows it: written once per request,
// when its answer (or its stream) ends. Never the body, the query string or the key itself.
struct RequestRecord {
    std::chrono::system_clock::time_point finished;
    std::string method;
    std::string path;  // without the query string
    std::string route; // the route's pattern ("/api/models/{id}"), "unmatched" for none
    int status = 0;
    double seconds = 0;
    int key = -1; // index of the API key used among ServerOptions::keys; -1: none
    // Filled by the generation endpoints: the model, the tokens generated over all
    // choices and the first choice's time to its first token.
    std::string model;
    std::int64_t tokens = 0;
    double timeToFirstToken = 0;
};

// Called on the request's thread after the answer is counted; must be quick and thread-safe.
using RequestObserver = std::function<void(const RequestRecord &)>;

} // namespace llmos::serve

#pragma once

#include "util/error.h"

#include <gtest/gtest.h>

#include <functional>

namespace llmos::test {

// The llmos::Error `action` throws, for tests that check its kind, where and detail;
// a test failure when it throws none.
inline Error errorOf(const std::function<void()> &action)
{
    try {
        action();
    } catch (const Error &e) {
        return e;
    }
    ADD_FAILURE() << "no llmos::Error was thrown";
    return Error(ErrorKind::Internal, "", "");
}

} // namespace llmos::test

#pragma once

// The tiny Hugging Face models of tests/tools/reference/torch_reference.py and their
// expected log-probabilities, made once per test executable and shared by its suites.

#include "tempdir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <sys/wait.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace llmos::test {

struct ReferenceModels {
    std::unique_ptr<TempDir> dir;
    nlohmann::json expected;
    std::string failure; // why there is no reference, for the test to report

    std::string folder(const std::string &model) const { return dir->file(model); }
    const nlohmann::json &model(const std::string &name) const
    {
        for (const auto &m : expected.at("models"))
            if (m.at("name") == name)
                return m;
        throw std::runtime_error("expected.json has no model " + name);
    }
    const nlohmann::json &encoder(const std::string &name) const
    {
        for (const auto &m : expected.at("encoders"))
            if (m.at("name") == name)
                return m;
        throw std::runtime_error("expected.json has no encoder " + name);
    }
};

// Runs the script once for the whole executable (inline: one instance across files).
inline const ReferenceModels &reference()
{
    static const ReferenceModels made = [] {
        ReferenceModels r;
        r.dir = std::make_unique<TempDir>();
        const std::string command = std::string("\"") + LLMOS_TORCH_PYTHON + "\" \"" + LLMOS_TORCH_REFERENCE_SCRIPT +
                                    "\" \"" + r.dir->path() + "\" 2>&1";
        std::string output;
        FILE *pipe = popen(command.c_str(), "r");
        if (!pipe) {
            r.failure = "could not start: " + command;
            return r;
        }
        char buffer[4096];
        while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe))
            output.append(buffer, n);
        const int status = pclose(pipe);
        const int code = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        if (code == 3 || output.find("No module named 'torch'") != std::string::npos)
            r.failure = std::string("PyTorch is missing for ") + LLMOS_TORCH_PYTHON +
                        ": install it (Debian: apt-get install python3-torch, see installer/setup-debian.sh) "
                        "and re-run cmake. Output: " +
                        output;
        else if (code == 127)
            r.failure = std::string(LLMOS_TORCH_PYTHON) + " was not found: install python3 and python3-torch";
        else if (code != 0)
            r.failure = "torch_reference.py failed (exit " + std::to_string(code) + "): " + output;
        else
            r.expected = nlohmann::json::parse(readFile(r.dir->file("expected.json")));
        return r;
    }();
    return made;
}

#define REQUIRE_REFERENCE()                                                                                            \
    do {                                                                                                               \
        ASSERT_TRUE(::llmos::test::reference().failure.empty()) << ::llmos::test::reference().failure;                 \
    } while (false)

inline torch::Tensor idsTensor(const std::vector<std::int64_t> &ids)
{
    return torch::tensor(ids, torch::kLong).unsqueeze(0);
}

inline double maxAbs(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

} // namespace llmos::test

// Every template in tests/data/chat/templates, rendered with each message set of its
// expected file, must equal byte for byte what @huggingface/jinja rendered
// (tests/tools/reference/chat-templates.mjs). Where the reference failed, we must fail
// too, and a raise_exception() must carry the same message.

#include "chat/chattemplate.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;

std::string readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

const fs::path kChatData = fs::path(LLMOS_TEST_DATA_DIR) / "chat";

TEST(ChatTemplateReference, EveryTemplateAndMessageSetMatchesHuggingFaceJinja)
{
    int cases = 0, templates = 0;
    for (const auto &entry : fs::directory_iterator(kChatData / "expected")) {
        if (entry.path().extension() != ".json") continue;
        const auto expected = nlohmann::ordered_json::parse(readFile(entry.path()));
        const std::string templateFile = expected.at("template").get<std::string>();
        SCOPED_TRACE(templateFile);
        const llmos::ChatTemplate chatTemplate(readFile(kChatData / templateFile), templateFile);
        ++templates;
        for (const auto &c : expected.at("cases")) {
            SCOPED_TRACE(c.at("id").get<std::string>());
            ++cases;
            if (c.contains("output")) {
                std::string output;
                try {
                    output = chatTemplate.render(c.at("variables"));
                } catch (const llmos::Error &e) {
                    ADD_FAILURE() << "render failed: " << e.where() << ": " << e.detail();
                    continue;
                }
                EXPECT_EQ(output, c.at("output").get<std::string>());
            } else {
                const std::string message = c.at("error").get<std::string>();
                try {
                    const std::string output = chatTemplate.render(c.at("variables"));
                    ADD_FAILURE() << "expected an error like \"" << message << "\", rendered:\n" << output;
                } catch (const llmos::Error &e) {
                    if (e.where().find("(raise_exception)") != std::string::npos) {
                        EXPECT_EQ(e.detail(), message);
                    }
                }
            }
        }
    }
    EXPECT_GE(templates, 18);
    EXPECT_GE(cases, 130);
    std::cout << "[          ] " << templates << " templates, " << cases << " template x message cases\n";
}

} // namespace

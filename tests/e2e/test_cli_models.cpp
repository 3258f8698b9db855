// llmos models ...: the registry from a terminal, as a person or a script uses it. Each
// test points LLMOS_HOME at its own temporary folder.

#include "cli/modelpath.h"
#include "clirunner.h"
#include "registryfixtures.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using CliRun = llmos::test::Run; // gtest's Test::Run would hide the plain name
using llmos::test::shellQuote;
using llmos::test::TempDir;
using nlohmann::json;

namespace {

class CliModels : public ::testing::Test {
protected:
    CliRun models(std::vector<std::string> args) const
    {
        args.insert(args.begin(), "models");
        return llmos::test::runLlmos(args, "env LLMOS_HOME=" + shellQuote(m_dir.file("home")) + " ");
    }
    json modelsJson(std::vector<std::string> args) const
    {
        args.push_back("--json");
        const CliRun r = models(args);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return r.exitCode == 0 ? json::parse(r.out) : json();
    }
    std::string source(const std::string &name) const { return m_dir.file("src/" + name); }

    TempDir m_dir;
};

} // namespace

TEST_F(CliModels, ImportListShowTagLineageRemove)
{
    llmos::test::writeTinyHfFolder(source("tiny"));
    const json imported = modelsJson({"import", source("tiny"), "--name", "tiny-base"});
    const std::string id = imported.at("id");
    EXPECT_TRUE(id.starts_with("m-")) << id;

    const json list = modelsJson({"list"});
    ASSERT_EQ(list.at("models").size(), 1u);
    EXPECT_EQ(list.at("models")[0].at("id"), id);
    EXPECT_EQ(list.at("models")[0].at("name"), "tiny-base");
    EXPECT_EQ(list.at("models")[0].at("family"), "llama");

    const json shown = modelsJson({"show", "tiny-base"});
    EXPECT_EQ(shown.at("id"), id);
    EXPECT_EQ(shown.at("files").size(), 4u);
    EXPECT_NE(shown.at("model_card").get<std::string>().find("A model for tests."), std::string::npos);
    const CliRun text = models({"show", id});
    EXPECT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("LlamaForCausalLM"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("apache-2.0"), std::string::npos) << text.out;

    EXPECT_EQ(modelsJson({"tag", id, "chat"}).at("tags"), json({"chat"}));
    EXPECT_EQ(modelsJson({"list", "--tag", "chat"}).at("models").size(), 1u);
    EXPECT_EQ(modelsJson({"tag", id, "chat", "--remove"}).at("tags"), json::array());

    llmos::test::writeTinyAdapter(source("adapter"), "tiny-base");
    const std::string adapter = modelsJson({"import", source("adapter")}).at("id");
    const json lineage = modelsJson({"lineage", adapter});
    ASSERT_EQ(lineage.at("ancestors").size(), 1u);
    EXPECT_EQ(lineage.at("ancestors")[0].at("from_id"), id);
    EXPECT_EQ(lineage.at("ancestors")[0].at("kind"), "lora");
    const CliRun lineageText = models({"lineage", "tiny-base"});
    EXPECT_NE(lineageText.out.find("[lora]"), std::string::npos) << lineageText.out;

    // The base has a descendant: rm refuses, then --force removes it.
    const CliRun refused = models({"rm", id});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("adapter (lora)"), std::string::npos) << refused.err;
    const json removed = modelsJson({"rm", "tiny-base", "--force"});
    EXPECT_EQ(removed.at("removed"), id);
    EXPECT_EQ(removed.at("orphaned"), json({"adapter"}));
    EXPECT_GT(removed.at("bytes_freed").get<std::uint64_t>(), 0u);
    EXPECT_EQ(modelsJson({"lineage", adapter}).at("ancestors")[0].at("from_id"), nullptr); // the name stays
    EXPECT_EQ(modelsJson({"rm", adapter}).at("removed"), adapter);
    EXPECT_TRUE(modelsJson({"list"}).at("models").empty());
    EXPECT_NE(models({"list"}).out.find("llmos models import PATH"), std::string::npos);
}

TEST_F(CliModels, ModelArgumentsTakePathsIdsAndNames)
{
    // resolveModelPath() is what verbs call on --model; it runs here in-process.
    llmos::test::writeTinyHfFolder(source("tiny"));
    const std::string id = modelsJson({"import", source("tiny"), "--name", "resolvable"}).at("id");
    ::setenv("LLMOS_HOME", m_dir.file("home").c_str(), 1);
    const QString path = QString::fromStdString(source("tiny"));
    EXPECT_EQ(llmos::cli::resolveModelPath(path), path); // a path stays a path
    const QString folder = QString::fromStdString(m_dir.file("home") + "/models/" + id);
    EXPECT_EQ(llmos::cli::resolveModelPath(QStringLiteral("resolvable")), folder);
    EXPECT_EQ(llmos::cli::resolveModelPath(QString::fromStdString(id)), folder);
    try {
        llmos::cli::resolveModelPath(QStringLiteral("neither-path-nor-model"));
        ADD_FAILURE() << "an unknown name resolved";
    } catch (const llmos::Error &e) {
        EXPECT_EQ(e.kind(), llmos::ErrorKind::NotFound);
        EXPECT_NE(std::string(e.what()).find("llmos models list"), std::string::npos) << e.what();
    }
    ::unsetenv("LLMOS_HOME");
    // The folder loads like the source.
    const CliRun inspected = llmos::test::runLlmos({"inspect", folder.toStdString(), "--json"});
    ASSERT_EQ(inspected.exitCode, 0) << inspected.err;
    EXPECT_EQ(json::parse(inspected.out).at("parameter_count"), 10);
}

// The data folder chosen in the window's Settings is the verbs' too, unless LLMOS_HOME
// says otherwise.
TEST_F(CliModels, TheVerbsUseTheDataFolderChosenInSettings)
{
    llmos::test::writeTinyHfFolder(source("tiny"));
    const std::string chosen = m_dir.file("chosen-home");
    m_dir.write("config/llmos/llmos.conf", "[General]\ndataFolder=" + chosen + "\n");
    const std::string settingsEnv = "env -u LLMOS_HOME XDG_CONFIG_HOME=" + shellQuote(m_dir.file("config")) + " ";
    const CliRun imported = llmos::test::runLlmos({"models", "import", source("tiny"), "--json"}, settingsEnv);
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    EXPECT_TRUE(std::filesystem::exists(chosen + "/registry.sqlite"));

    const CliRun overridden = llmos::test::runLlmos(
        {"models", "list", "--json"}, settingsEnv + "LLMOS_HOME=" + shellQuote(m_dir.file("other-home")) + " ");
    ASSERT_EQ(overridden.exitCode, 0) << overridden.err;
    EXPECT_TRUE(json::parse(overridden.out).at("models").empty()) << "LLMOS_HOME wins over the setting";
}

TEST_F(CliModels, PickleFolderIsRefusedWithOneLineAndNothingRegistered)
{
    std::filesystem::create_directories(source("pickle"));
    std::ofstream(source("pickle") + "/config.json") << R"({"model_type":"llama"})";
    std::ofstream(source("pickle") + "/pytorch_model.bin", std::ios::binary) << std::string("\x80\x02}q\x00.", 6);
    const CliRun r = models({"import", source("pickle")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.starts_with("llmos: ")) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find("pickle"), std::string::npos) << r.err;
    EXPECT_TRUE(modelsJson({"list"}).at("models").empty());
    const CliRun j = models({"import", source("pickle"), "--json"});
    EXPECT_EQ(j.exitCode, 1);
    EXPECT_EQ(json::parse(j.out).at("error").at("kind"), "unsupported");
}

TEST_F(CliModels, UsageErrorsExitWithTwo)
{
    EXPECT_EQ(models({}).exitCode, 2);
    EXPECT_EQ(models({"show"}).exitCode, 2);
    const CliRun wrongOption = models({"list", "--force"});
    EXPECT_EQ(wrongOption.exitCode, 2);
    EXPECT_NE(wrongOption.err.find("--force"), std::string::npos) << wrongOption.err;
    const CliRun unknown = models({"show", "no-such-model"});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.err.find("no-such-model"), std::string::npos) << unknown.err;
}

TEST_F(CliModels, DamagedDatabaseSaysHowToRebuild)
{
    llmos::test::writeTinyHfFolder(source("tiny"));
    modelsJson({"import", source("tiny")});
    const CliRun healthy = models({"rebuild"}); // nothing to mend: refused without --force
    EXPECT_EQ(healthy.exitCode, 1);
    EXPECT_NE(healthy.err.find("opens fine"), std::string::npos) << healthy.err;
    std::ofstream(m_dir.file("home/registry.sqlite"), std::ios::trunc) << std::string(5000, 'x');
    const CliRun broken = models({"list"});
    EXPECT_EQ(broken.exitCode, 1);
    EXPECT_NE(broken.err.find("llmos models rebuild"), std::string::npos) << broken.err;
    EXPECT_EQ(modelsJson({"rebuild"}).at("models_restored"), 1);
    EXPECT_EQ(modelsJson({"list"}).at("models").size(), 1u);
}

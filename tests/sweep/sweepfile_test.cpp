// Sweep files: the documented format parsed into a search space, strategy, pruner,
// objective and budget; defaults; recipe_path; every kind of mistake refused with an
// error that names its field; docs/sweeps.md's examples against the parser and the schema.

#include "sweep/sweepfile.h"

#include "errorof.h"
#include "shellcommand.h"
#include "sweeptestutil.h"
#include "tempdir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace llmos {
namespace {

using test::errorOf;
using test::parseSweep;

const char *kBriefExample = R"(
  "version": 1,
  "name": "topic-classifier-search",
  "space": {
    "optimizer.lr":   {"log_uniform": [1e-5, 1e-2]},
    "method.kind":    {"choice": ["lora", "full"]},
    "method.rank":    {"int": [4, 32], "log": true, "when": {"method.kind": ["lora"]}},
    "method.dropout": {"uniform": [0.0, 0.3], "when": {"method.kind": ["lora"]}},
    "training.batch_size": [8, 16, 32]
  },
  "strategy": {"kind": "tpe", "seed": 7, "startup_trials": 5, "candidates": 32, "gamma": 0.2},
  "pruner": {"kind": "asha", "min_steps": 50, "max_steps": 450, "reduction_factor": 3},
  "objective": {"metric": "accuracy"},
  "budget": {"max_trials": 20, "max_time_s": 7200, "max_concurrent": 2}
)";

TEST(SweepFile, ReadsEverySectionInFileOrder)
{
    const auto spec = parseSweep(kBriefExample);
    EXPECT_EQ(spec.name, "topic-classifier-search");
    const auto &params = spec.space.parameters();
    ASSERT_EQ(params.size(), 5u);
    EXPECT_EQ(params[0].path, "optimizer.lr"); // file order, not alphabetical
    EXPECT_EQ(params[0].kind, ParameterKind::LogUniform);
    EXPECT_DOUBLE_EQ(params[0].low, 1e-5);
    EXPECT_DOUBLE_EQ(params[0].high, 1e-2);
    EXPECT_EQ(params[1].path, "method.kind");
    EXPECT_EQ(params[1].kind, ParameterKind::Choice);
    EXPECT_EQ(params[2].path, "method.rank");
    EXPECT_EQ(params[2].kind, ParameterKind::Int);
    EXPECT_TRUE(params[2].log);
    ASSERT_EQ(params[2].when.size(), 1u);
    EXPECT_EQ(params[2].when[0].path, "method.kind");
    EXPECT_EQ(params[2].when[0].values, std::vector<nlohmann::json>{"lora"});
    EXPECT_EQ(params[3].kind, ParameterKind::Uniform);
    EXPECT_EQ(params[4].path, "training.batch_size");
    EXPECT_EQ(params[4].kind, ParameterKind::List);
    EXPECT_EQ(params[4].values.size(), 3u);

    EXPECT_EQ(spec.strategy.kind, StrategyKind::Tpe);
    EXPECT_EQ(spec.strategy.seed, 7u);
    EXPECT_EQ(spec.strategy.startupTrials, 5);
    EXPECT_EQ(spec.strategy.candidates, 32);
    EXPECT_DOUBLE_EQ(spec.strategy.gamma, 0.2);
    EXPECT_EQ(spec.pruner.kind, PrunerKind::Asha);
    EXPECT_EQ(spec.pruner.minSteps, 50);
    EXPECT_EQ(spec.pruner.maxSteps, 450);
    EXPECT_EQ(spec.pruner.reductionFactor, 3);
    EXPECT_EQ(spec.objective.metric, "accuracy");
    EXPECT_EQ(spec.objective.direction, ObjectiveDirection::Maximize); // from the metric
    EXPECT_EQ(spec.budget.maxTrials, 20);
    EXPECT_DOUBLE_EQ(spec.budget.maxTimeSeconds, 7200);
    EXPECT_EQ(spec.budget.maxConcurrent, 2);
    EXPECT_EQ(spec.baseRecipe["model"]["path"], "/models/tiny");
}

TEST(SweepFile, DefaultsAreRandomSeedZeroNoPrunerOneAtATime)
{
    const auto spec = parseSweepText(test::sweepText(R"("space": {"optimizer.lr": {"log_uniform": [1e-5, 1e-2]}},
                                                        "budget": {"max_trials": 8})"),
                                     "/home/me/lr-search.json", ".");
    EXPECT_EQ(spec.name, "lr-search"); // the file's name
    EXPECT_EQ(spec.document["name"], "lr-search");
    EXPECT_EQ(spec.strategy.kind, StrategyKind::Random);
    EXPECT_EQ(spec.strategy.seed, 0u);
    EXPECT_EQ(spec.pruner.kind, PrunerKind::None);
    EXPECT_EQ(spec.objective.metric, "eval_loss");
    EXPECT_EQ(spec.objective.direction, ObjectiveDirection::Minimize);
    EXPECT_EQ(spec.budget.maxConcurrent, 1);
    EXPECT_DOUBLE_EQ(spec.budget.maxTimeSeconds, 0);

    const auto f1 = parseSweep(R"("space": {"training.batch_size": [8, 16]}, "objective": {"metric": "macro_f1"},
                                  "budget": {"max_trials": 2})");
    EXPECT_EQ(f1.objective.direction, ObjectiveDirection::Maximize);
    const auto lossUp = parseSweep(R"("space": {"training.batch_size": [8, 16]}, "budget": {"max_trials": 2},
                                      "objective": {"metric": "eval_loss", "direction": "maximize"})");
    EXPECT_EQ(lossUp.objective.direction, ObjectiveDirection::Maximize);
}

TEST(SweepFile, PrunerMaxStepsDefaultsToTheRecipesLength)
{
    const auto spec = parseSweep(R"("space": {"training.batch_size": [8, 16]}, "strategy": {"kind": "grid"},
                                    "pruner": {"kind": "hyperband", "min_steps": 10})");
    EXPECT_EQ(spec.pruner.maxSteps, 450);
    EXPECT_EQ(spec.pruner.reductionFactor, 3);
}

TEST(SweepFile, RecipePathIsReadBesideTheSweepAndInlinedInTheCopy)
{
    test::TempDir dir;
    dir.write("recipes/base.json", test::kSweepRecipe);
    const auto path = dir.write("recipes/search.json", R"({"recipe_path": "base.json",
        "space": {"training.batch_size": [8, 16]}, "strategy": {"kind": "grid"}})");
    const auto spec = loadSweepFile(path);
    EXPECT_EQ(spec.baseRecipe["dataset"]["path"], "/data/topics.csv");
    EXPECT_FALSE(spec.document.contains("recipe_path"));
    EXPECT_EQ(spec.document["recipe"]["dataset"]["path"], "/data/topics.csv");
    EXPECT_EQ(spec.document["name"], "search");
    EXPECT_EQ(spec.budget.maxTrials, 2); // the grid's size

    const auto missing = dir.write("missing.json", R"({"recipe_path": "nowhere.json",
        "space": {"training.batch_size": [8]}, "strategy": {"kind": "grid"}})");
    const auto e = errorOf([&] { loadSweepFile(missing); });
    EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    EXPECT_EQ(e.where(), missing + ": recipe_path");

    // A mistake in the recipe file names the recipe file and its field.
    dir.write("bad.json", R"({"model": {"path": "m"}, "dataset": {"path": "d"}, "optimizer": {"lr": -1}})");
    const auto usesBad = dir.write("uses-bad.json", R"({"recipe_path": "bad.json",
        "space": {"training.batch_size": [8]}, "strategy": {"kind": "grid"}})");
    EXPECT_EQ(errorOf([&] { loadSweepFile(usesBad); }).where(), dir.file("bad.json") + ": optimizer.lr");
}

TEST(SweepFile, JsonMistakesAreFormatErrors)
{
    const auto duplicate = errorOf([] {
        parseSweepText(R"({"space": {"a": [1]}, "space": {"b": [2]}})", "sweep.json", ".");
    });
    EXPECT_EQ(duplicate.kind(), ErrorKind::Format);
    EXPECT_NE((duplicate.where() + duplicate.detail()).find("space"), std::string::npos) << duplicate.what();
    EXPECT_EQ(errorOf([] { parseSweepText("{\"space\": ", "sweep.json", "."); }).kind(), ErrorKind::Format);
    EXPECT_EQ(errorOf([] { loadSweepFile("/nonexistent/sweep.json"); }).kind(), ErrorKind::NotFound);
}

struct BadSweep {
    const char *name;
    std::string text; // the document after the recipe
    const char *where;
    const char *detailPart;
};

TEST(SweepFile, MistakesAreRefusedNamingTheField)
{
    const std::string lr = R"("optimizer.lr": {"log_uniform": [1e-5, 1e-2]})";
    const std::string budget = R"("budget": {"max_trials": 10})";
    const std::vector<BadSweep> cases = {
        {"unknown top key", "\"space\": {" + lr + "}, " + budget + ", \"stratgy\": {}", "sweep.json: stratgy",
         "not a known setting"},
        {"unknown key in a distribution",
         R"("space": {"method.dropout": {"uniform": [0, 0.3], "lgo": true}}, )" + budget,
         "sweep.json: space.method.dropout.lgo", "not a known setting"},
        {"number instead of a list", R"("space": {"optimizer.lr": 0.001}, )" + budget,
         "sweep.json: space.optimizer.lr", "list of values"},
        {"bounds not a pair", R"("space": {"optimizer.lr": {"log_uniform": [1e-5]}}, )" + budget,
         "sweep.json: space.optimizer.lr.log_uniform", "[low, high]"},
        {"bounds as strings", R"("space": {"method.dropout": {"uniform": ["0", "0.3"]}}, )" + budget,
         "sweep.json: space.method.dropout.uniform", "two numbers"},
        {"low above high", R"("space": {"method.dropout": {"uniform": [0.3, 0.1]}}, )" + budget,
         "sweep.json: space.method.dropout.uniform", "low 0.3 must be below high 0.1"},
        {"low equal to high", R"("space": {"method.rank": {"int": [8, 8]}}, )" + budget,
         "sweep.json: space.method.rank.int", "must be below"},
        {"log scale from zero", R"("space": {"optimizer.lr": {"log_uniform": [0, 1e-2]}}, )" + budget,
         "sweep.json: space.optimizer.lr.log_uniform", "above 0"},
        {"log int from zero", R"("space": {"method.rank": {"int": [0, 32], "log": true}}, )" + budget,
         "sweep.json: space.method.rank.int", "at least 1"},
        {"fractional int bounds", R"("space": {"method.rank": {"int": [4, 32.5]}}, )" + budget,
         "sweep.json: space.method.rank.int", "whole numbers"},
        {"log on a uniform", R"("space": {"method.dropout": {"uniform": [0, 0.3], "log": true}}, )" + budget,
         "sweep.json: space.method.dropout.log", "log_uniform"},
        {"two distributions", R"("space": {"method.rank": {"choice": [4, 8], "int": [4, 8]}}, )" + budget,
         "sweep.json: space.method.rank.choice", "not both int and choice"},
        {"no distribution", R"("space": {"method.rank": {"when": {}}}, )" + budget, "sweep.json: space.method.rank",
         "uniform, log_uniform, int or choice"},
        {"empty choice", R"("space": {"method.kind": {"choice": []}}, )" + budget,
         "sweep.json: space.method.kind.choice", "empty list"},
        {"empty list", R"("space": {"training.batch_size": []}, )" + budget, "sweep.json: space.training.batch_size",
         "empty list"},
        {"repeated value", R"("space": {"training.batch_size": [8, 16, 8]}, )" + budget,
         "sweep.json: space.training.batch_size[2]", "repeats 8"},
        {"empty space", R"("space": {}, )" + budget, "sweep.json: space", "at least one parameter"},
        {"not a path", R"("space": {"optimizer..lr": [0.1]}, )" + budget, "sweep.json: space.optimizer..lr",
         "not a recipe path"},
        {"path inside another", R"("space": {"method": [{"kind": "full"}], "method.rank": [4, 8]}, )" + budget,
         "sweep.json: space.method.rank", "lies inside method"},
        {"when names an unknown path",
         R"("space": {"method.kind": ["lora", "full"], "method.rank": {"int": [4, 32], "when": {"method.knd": ["lora"]}}}, )"
             + budget,
         "sweep.json: space.method.rank.when.method.knd", "names no parameter"},
        {"when wants an impossible value",
         R"("space": {"method.kind": ["lora", "full"], "method.rank": {"int": [4, 32], "when": {"method.kind": ["lorra"]}}}, )"
             + budget,
         "sweep.json: space.method.rank.when.method.kind", "never takes \"lorra\""},
        {"when outside a range",
         R"("space": {"method.rank": {"int": [4, 32]}, "method.alpha": {"choice": [8, 16], "when": {"method.rank": [64]}}}, )"
             + budget,
         "sweep.json: space.method.alpha.when.method.rank", "whole numbers from 4 to 32"},
        {"when not a list",
         R"("space": {"method.kind": ["lora", "full"], "method.rank": {"int": [4, 32], "when": {"method.kind": "lora"}}}, )"
             + budget,
         "sweep.json: space.method.rank.when.method.kind", "list of values"},
        {"when on itself", R"("space": {"method.rank": {"int": [4, 32], "when": {"method.rank": [4]}}}, )" + budget,
         "sweep.json: space.method.rank.when.method.rank", "itself"},
        {"when in a circle",
         R"("space": {"method.alpha": {"choice": [8, 16], "when": {"method.rank": [4]}},
                      "method.rank": {"choice": [4, 8], "when": {"method.alpha": [8]}}}, )"
             + budget,
         "sweep.json: space.method.rank.when", "circle"},
        {"grid over a distribution", "\"space\": {" + lr + R"(}, "strategy": {"kind": "grid"})",
         "sweep.json: space.optimizer.lr", "grid strategy needs a list"},
        {"not a recipe field", R"("space": {"optimizer.learning_rate": [1e-4, 3e-4]}, )" + budget,
         "sweep.json: space.optimizer.learning_rate", "not a known setting"},
        {"a value the recipe refuses", R"("space": {"optimizer.lr": {"log_uniform": [1e-5, 20]}}, )" + budget,
         "sweep.json: space.optimizer.lr", "(0, 10]"},
        {"a listed value the recipe refuses", R"("space": {"training.batch_size": [8, 0]}, )" + budget,
         "sweep.json: space.training.batch_size", "1..65536"},
        {"a combination the recipe refuses", R"("space": {"optimizer.nesterov": [false, true]}, )" + budget,
         "sweep.json: space.optimizer.nesterov", "momentum"},
        {"a field under a plain value", R"("space": {"model.path.x": [1]}, )" + budget, "sweep.json: space.model.path.x",
         "not an object"},
        {"unknown strategy", "\"space\": {" + lr + "}, " + budget + R"(, "strategy": {"kind": "bayes"})",
         "sweep.json: strategy.kind", "grid, random, tpe"},
        {"tpe knob for random", "\"space\": {" + lr + "}, " + budget + R"(, "strategy": {"gamma": 0.1})",
         "sweep.json: strategy.gamma", "tpe strategy only"},
        {"seed for a grid", R"("space": {"training.batch_size": [8]}, "strategy": {"kind": "grid", "seed": 3})",
         "sweep.json: strategy.seed", "nothing random"},
        {"gamma of one", "\"space\": {" + lr + "}, " + budget + R"(, "strategy": {"kind": "tpe", "gamma": 1})",
         "sweep.json: strategy.gamma", "below 1"},
        {"no max_trials for random", "\"space\": {" + lr + "}", "sweep.json: budget.max_trials", "required"},
        {"zero max_trials", "\"space\": {" + lr + R"(}, "budget": {"max_trials": 0})", "sweep.json: budget.max_trials",
         "1..1000000"},
        {"zero time budget", "\"space\": {" + lr + R"(}, "budget": {"max_trials": 5, "max_time_s": 0})",
         "sweep.json: budget.max_time_s", "(0, "},
        {"unknown pruner", "\"space\": {" + lr + "}, " + budget + R"(, "pruner": {"kind": "patience"})",
         "sweep.json: pruner.kind", "none, asha, hyperband, median"},
        {"asha without min_steps", "\"space\": {" + lr + "}, " + budget + R"(, "pruner": {"kind": "asha"})",
         "sweep.json: pruner.min_steps", "required"},
        {"asha max below min",
         "\"space\": {" + lr + "}, " + budget + R"(, "pruner": {"kind": "asha", "min_steps": 100, "max_steps": 100})",
         "sweep.json: pruner.max_steps", "above min_steps"},
        {"asha past the recipe's end",
         "\"space\": {" + lr + "}, " + budget + R"(, "pruner": {"kind": "asha", "min_steps": 50, "max_steps": 900})",
         "sweep.json: pruner.max_steps", "training.max_steps 450"},
        {"reduction factor of one",
         "\"space\": {" + lr + "}, " + budget + R"(, "pruner": {"kind": "asha", "min_steps": 50, "reduction_factor": 1})",
         "sweep.json: pruner.reduction_factor", "2..100"},
        {"median knob on asha",
         "\"space\": {" + lr + "}, " + budget + R"(, "pruner": {"kind": "asha", "min_steps": 50, "warmup_steps": 10})",
         "sweep.json: pruner.warmup_steps", "median pruner only"},
        {"asha knob on median", "\"space\": {" + lr + "}, " + budget + R"(, "pruner": {"kind": "median", "min_steps": 5})",
         "sweep.json: pruner.min_steps", "asha and hyperband"},
        {"unknown metric", "\"space\": {" + lr + "}, " + budget + R"(, "objective": {"metric": "loss"})",
         "sweep.json: objective.metric", "eval_loss, perplexity, accuracy, macro_f1"},
        {"unknown direction", "\"space\": {" + lr + "}, " + budget + R"(, "objective": {"direction": "down"})",
         "sweep.json: objective.direction", "minimize, maximize"},
        {"recipe and recipe_path", "\"recipe_path\": \"base.json\", \"space\": {" + lr + "}, " + budget,
         "sweep.json: recipe_path", "not both"},
        {"version 2", "\"version\": 2, \"space\": {" + lr + "}, " + budget, "sweep.json: version", "1..1"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        const auto e = errorOf([&] { test::parseSweep(c.text); });
        EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
        EXPECT_EQ(e.where(), c.where) << e.detail();
        EXPECT_NE(e.detail().find(c.detailPart), std::string::npos) << e.detail();
    }
}

TEST(SweepFile, RecipeMistakesAndRecipeMismatchesNameTheirPlace)
{
    auto parse = [](const std::string &recipe, const std::string &rest) {
        return errorOf([&] { parseSweepText("{\"recipe\": " + recipe + ", " + rest + "}", "sweep.json", "."); });
    };
    const std::string lrSpace = R"("space": {"optimizer.lr": [1e-4]}, "budget": {"max_trials": 1})";
    auto e = parse(R"({"model": {"path": "m"}, "dataset": {"path": "d"}, "optimizer": {"lr": -1}})", lrSpace);
    EXPECT_EQ(e.where(), "sweep.json: recipe.optimizer.lr");
    e = parse(R"({"dataset": {"path": "d"}})", lrSpace);
    EXPECT_EQ(e.where(), "sweep.json: recipe.model.path");
    e = parse(R"({"model": {"path": "m"}, "dataset": {"path": "d"}})",
              lrSpace + R"(, "objective": {"metric": "accuracy"})");
    EXPECT_EQ(e.where(), "sweep.json: objective.metric");
    EXPECT_NE(e.detail().find("classification"), std::string::npos) << e.detail();
    e = parse(R"({"model": {"path": "m"}, "dataset": {"path": "d", "validation_fraction": 0}})", lrSpace);
    EXPECT_EQ(e.where(), "sweep.json: objective.metric");
    EXPECT_NE(e.detail().find("validation_fraction"), std::string::npos) << e.detail();
    e = parse(R"({"model": {"path": "m"}, "dataset": {"path": "d"}})", lrSpace + R"(, "pruner": {"kind": "median"})");
    EXPECT_EQ(e.where(), "sweep.json: pruner.kind");
    EXPECT_NE(e.detail().find("eval_every"), std::string::npos) << e.detail();
    e = parse(R"({"model": {"path": "m"}, "dataset": {"path": "d"}})",
              lrSpace + R"(, "pruner": {"kind": "asha", "min_steps": 10})");
    EXPECT_EQ(e.where(), "sweep.json: pruner.max_steps");
    e = parse(R"({"model": {"path": "m"}, "dataset": {"path": "d"}})", R"("space": {"optimizer.lr": [1e-4]})");
    EXPECT_EQ(e.where(), "sweep.json: budget.max_trials");
    e = parse("[1, 2]", lrSpace);
    EXPECT_EQ(e.where(), "sweep.json: recipe");
    e = errorOf([] { parseSweepText(R"({"space": {"optimizer.lr": [1e-4]}})", "sweep.json", "."); });
    EXPECT_EQ(e.where(), "sweep.json: recipe");
    EXPECT_NE(e.detail().find("recipe_path"), std::string::npos) << e.detail();
}

// A parameter that is active only under a condition is checked where it is active.
TEST(SweepFile, ConditionalParametersAreCheckedAgainstTheRecipe)
{
    const auto e = errorOf([] {
        test::parseSweep(R"("space": {"method.kind": ["full", "lora"],
                                      "training.epochs": {"choice": [1, 0], "when": {"method.kind": ["lora"]}}},
                            "budget": {"max_trials": 4})");
    });
    EXPECT_EQ(e.where(), "sweep.json: space.training.epochs");
    EXPECT_NE(e.detail().find("method.kind=\"lora\""), std::string::npos) << e.detail();
}

// The ```json blocks of docs/sweeps.md that hold a whole sweep (a "space" and a "recipe").
std::vector<nlohmann::json> documentedSweeps()
{
    std::ifstream in(LLMOS_SOURCE_DIR "/docs/sweeps.md");
    std::stringstream text;
    text << in.rdbuf();
    const auto doc = text.str();
    std::vector<nlohmann::json> sweeps;
    for (std::size_t at = doc.find("```json"); at != std::string::npos; at = doc.find("```json", at + 1)) {
        const auto start = at + 7;
        const auto end = doc.find("```", start);
        auto value = nlohmann::json::parse(doc.substr(start, end - start));
        if (value.contains("space") && value.contains("recipe"))
            sweeps.push_back(value);
    }
    return sweeps;
}

TEST(SweepFile, DocumentedExamplesParse)
{
    std::ifstream in(LLMOS_SOURCE_DIR "/docs/sweeps.md");
    std::stringstream text;
    text << in.rdbuf();
    const auto doc = text.str();
    int count = 0;
    for (std::size_t at = doc.find("```json"); at != std::string::npos; at = doc.find("```json", at + 1)) {
        const auto start = at + 7;
        const auto block = doc.substr(start, doc.find("```", start) - start);
        if (!nlohmann::json::parse(block).contains("space") || !nlohmann::json::parse(block).contains("recipe"))
            continue;
        SCOPED_TRACE(block);
        EXPECT_NO_THROW(parseSweepText(block, "docs/sweeps.md", "."));
        ++count;
    }
    EXPECT_GE(count, 3) << "docs/sweeps.md should show at least three whole example sweeps";
}

// Validates the documented examples and a bad sweep against docs/sweep.schema.json with
// Python's jsonschema, when the machine has it.
TEST(SweepFile, SchemaAgreesWithTheParser)
{
    if (test::runShell("python3 -c 'import jsonschema' >/dev/null 2>&1").exitCode != 0)
        GTEST_SKIP() << "python3 with jsonschema is not installed";
    test::TempDir dir;
    auto documents = documentedSweeps();
    documents.push_back(nlohmann::json::parse(test::sweepText(kBriefExample)));
    const auto good = dir.write("good.json", nlohmann::json(documents).dump());
    std::vector<nlohmann::json> bad = {
        nlohmann::json::parse(test::sweepText(R"("space": {"optimizer.lr": {"log_uniform": [1e-5]}})")),
        nlohmann::json::parse(test::sweepText(R"("space": {"optimizer.lr": [1e-4]}, "stratgy": {})")),
        nlohmann::json::parse(test::sweepText(R"("space": {"method.kind": {"choice": []}})")),
        nlohmann::json::parse(test::sweepText(R"("space": {"optimizer.lr": [1e-4]}, "pruner": {"kind": "asha"})")),
        nlohmann::json::parse(R"({"space": {"optimizer.lr": [1e-4]}})"),
    };
    const auto badPath = dir.write("bad.json", nlohmann::json(bad).dump());
    const std::string script = "import json,sys,jsonschema\n"
                               "schema=json.load(open(sys.argv[1]))\n"
                               "jsonschema.Draft202012Validator.check_schema(schema)\n"
                               "v=jsonschema.Draft202012Validator(schema)\n"
                               "docs=json.load(open(sys.argv[2]))\n"
                               "errs=[[e.message for e in v.iter_errors(d)] for d in docs]\n"
                               "print(errs)\n"
                               "sys.exit(0 if all(not e for e in errs) else 1 if all(errs) else 2)\n";
    const auto scriptPath = dir.write("check.py", script);
    const std::string schema = LLMOS_SOURCE_DIR "/docs/sweep.schema.json";
    const auto ok = test::runShell("python3 " + scriptPath + " " + schema + " " + good + " 2>&1");
    EXPECT_EQ(ok.exitCode, 0) << ok.out;
    const auto refused = test::runShell("python3 " + scriptPath + " " + schema + " " + badPath + " 2>&1");
    EXPECT_EQ(refused.exitCode, 1) << "every bad sweep must be refused: " << refused.out;
}

} // namespace
} // namespace llmos

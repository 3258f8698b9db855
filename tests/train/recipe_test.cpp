// Recipes: strict parsing with errors that name the JSON path, defaults, round trip, and
// the examples of docs/recipes.md checked against the parser (and the JSON Schema when a
// validator is at hand).

#include "recipe/trainingrecipe.h"

#include "errorof.h"
#include "shellcommand.h"
#include "tempdir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>
#include <sstream>

namespace llmos {
namespace {

using test::errorOf;

nlohmann::json minimal()
{
    return {{"model", {{"path", "/models/tiny"}}}, {"dataset", {{"path", "/data/text.txt"}}}};
}

Error parseError(const nlohmann::json &document)
{
    return errorOf([&] { parseTrainingRecipe(document, "recipe.json"); });
}

TEST(Recipe, MinimalRecipeGetsDefaultsANonExpertCanUse)
{
    const auto r = parseTrainingRecipe(minimal());
    EXPECT_EQ(r.modelPath, "/models/tiny");
    EXPECT_EQ(r.dataset.path, "/data/text.txt");
    EXPECT_EQ(r.task.kind, TrainingTaskKind::CausalLm);
    EXPECT_EQ(r.methodKind(), "full");
    EXPECT_EQ(r.optimizer.name, "adamw");
    EXPECT_DOUBLE_EQ(r.optimizer.lr, 5e-5);
    EXPECT_EQ(r.schedule.name, "linear");
    EXPECT_EQ(r.training.epochs, 3);
    EXPECT_EQ(r.training.batchSize, 8);
    EXPECT_DOUBLE_EQ(r.training.maxGradNorm, 1.0);
    EXPECT_EQ(r.training.seed, 42u);
    EXPECT_FALSE(r.training.earlyStopping);
}

TEST(Recipe, LearningRateDefaultFollowsTheMethod)
{
    auto doc = minimal();
    doc["method"] = {{"kind", "lora"}, {"rank", 8}};
    EXPECT_DOUBLE_EQ(parseTrainingRecipe(doc).optimizer.lr, 2e-4);
    doc["optimizer"] = {{"lr", 0.01}};
    EXPECT_DOUBLE_EQ(parseTrainingRecipe(doc).optimizer.lr, 0.01);
}

TEST(Recipe, ToJsonRoundTrips)
{
    auto doc = minimal();
    doc["task"] = {{"kind", "classification"}, {"max_seq_len", 128}};
    doc["dataset"]["fields"] = {{"text", "sentence"}, {"label", "topic"}};
    doc["dataset"]["bad_rows"] = "skip";
    doc["method"] = {{"kind", "lora"}, {"rank", 4}, {"target_modules", {"q_proj"}}};
    doc["optimizer"] = {{"name", "sgd"}, {"lr", 0.1}, {"momentum", 0.9}, {"nesterov", true}};
    doc["schedule"] = {{"name", "cosine"}, {"warmup_ratio", 0.1}};
    doc["training"] = {{"epochs", 2},
                       {"early_stopping", {{"metric", "accuracy"}, {"patience", 2}}},
                       {"fgm", {{"epsilon", 0.5}}}};
    doc["output"] = {{"name", "topics"}, {"merge", true}};
    doc["dataset"]["augmentation"] = {{"copies", 3}, {"synonyms", "/data/synonyms.txt"}, {"synonym_rate", 0.3}};
    doc["training"]["activation_checkpointing"] = true;
    doc["training"]["dropout"] = 0.15;
    const auto first = toJson(parseTrainingRecipe(doc));
    const auto second = toJson(parseTrainingRecipe(first));
    EXPECT_EQ(first, second);
    EXPECT_EQ(first["dataset"]["fields"]["label"], "topic");
    EXPECT_EQ(first["training"]["early_stopping"]["mode"], "auto");
    EXPECT_EQ(parseTrainingRecipe(first).training.earlyStopping->resolvedMode(), "max");
    EXPECT_EQ(first["method"]["target_modules"][0], "q_proj");
    const auto parsed = parseTrainingRecipe(first);
    ASSERT_TRUE(parsed.dataset.augmentation);
    EXPECT_EQ(parsed.dataset.augmentation->copies, 3);
    EXPECT_EQ(parsed.dataset.augmentation->synonyms, "/data/synonyms.txt");
    EXPECT_DOUBLE_EQ(parsed.dataset.augmentation->synonymRate, 0.3);
    EXPECT_DOUBLE_EQ(parsed.dataset.augmentation->deletion, 0.1); // the default
    EXPECT_TRUE(parsed.training.activationCheckpointing);
    EXPECT_DOUBLE_EQ(parsed.training.dropout, 0.15);
}

TEST(Recipe, ExtrasAreOffByDefaultAndLeaveOldFingerprintsAlone)
{
    const auto r = parseTrainingRecipe(minimal());
    EXPECT_FALSE(r.dataset.augmentation);
    EXPECT_FALSE(r.training.activationCheckpointing);
    const auto json = toJson(r);
    EXPECT_FALSE(json["dataset"].contains("augmentation"));
    EXPECT_FALSE(json["training"].contains("activation_checkpointing"));
    EXPECT_FALSE(json["training"].contains("dropout"));
    EXPECT_EQ(r.training.dropout, 0.0);
    auto doc = minimal();
    doc["dataset"]["augmentation"] = nlohmann::json::object();
    const auto a = parseTrainingRecipe(doc).dataset.augmentation;
    ASSERT_TRUE(a);
    EXPECT_EQ(a->copies, 1);
    EXPECT_EQ(a->swaps, 1);
    EXPECT_TRUE(a->synonyms.empty());
}

TEST(Recipe, MaskingPrivateDataIsWrittenOnlyWhenAsked)
{
    auto doc = minimal();
    EXPECT_FALSE(toJson(parseTrainingRecipe(doc))["dataset"].contains("mask_private_data"));
    doc["dataset"]["mask_private_data"] = true;
    const auto parsed = parseTrainingRecipe(doc);
    EXPECT_TRUE(parsed.dataset.maskPrivateData);
    EXPECT_EQ(toJson(parsed)["dataset"]["mask_private_data"], true);
    EXPECT_TRUE(parseTrainingRecipe(toJson(parsed)).dataset.maskPrivateData);
}

TEST(Recipe, AValidationFileReplacesTheFraction)
{
    auto doc = minimal();
    doc["dataset"]["validation_path"] = "/data/valid.jsonl";
    doc["training"] = {{"early_stopping", {{"metric", "eval_loss"}}}}; // validation data is there
    const auto parsed = parseTrainingRecipe(doc);
    EXPECT_EQ(parsed.dataset.validationPath, "/data/valid.jsonl");
    EXPECT_EQ(parsed.dataset.validationFraction, 0.0);
    const auto json = toJson(parsed);
    EXPECT_EQ(json["dataset"]["validation_path"], "/data/valid.jsonl");
    EXPECT_FALSE(json["dataset"].contains("validation_fraction"));
    EXPECT_EQ(toJson(parseTrainingRecipe(json)), json);

    doc["dataset"]["validation_fraction"] = 0.2;
    try {
        parseTrainingRecipe(doc, "recipe.json");
        FAIL() << "both validation sources were accepted";
    } catch (const Error &error) {
        EXPECT_EQ(error.where(), "recipe.json: dataset.validation_fraction");
    }
}

struct BadRecipe {
    const char *name;
    std::function<void(nlohmann::json &)> change;
    const char *where;
    const char *detailPart;
};

TEST(Recipe, WrongRecipesFailNamingTheField)
{
    const std::vector<BadRecipe> cases = {
        {"unknown top key", [](auto &d) { d["trainig"] = nlohmann::json::object(); }, "recipe.json: trainig",
         "spelling"},
        {"unknown nested key", [](auto &d) { d["optimizer"] = {{"learning_rate", 1e-3}}; },
         "recipe.json: optimizer.learning_rate", "not a known setting"},
        {"lr as a string", [](auto &d) { d["optimizer"] = {{"lr", "1e-3"}}; }, "recipe.json: optimizer.lr",
         "must be a number"},
        {"negative lr", [](auto &d) { d["optimizer"] = {{"lr", -1}}; }, "recipe.json: optimizer.lr", "(0, 10]"},
        {"fractional epochs", [](auto &d) { d["training"] = {{"epochs", 1.5}}; }, "recipe.json: training.epochs",
         "whole number"},
        {"zero batch", [](auto &d) { d["training"] = {{"batch_size", 0}}; }, "recipe.json: training.batch_size",
         "1..65536"},
        {"unknown optimizer", [](auto &d) { d["optimizer"] = {{"name", "lion"}}; }, "recipe.json: optimizer.name",
         "sgd, adam, adamw, adagrad, rmsprop"},
        {"bad betas", [](auto &d) { d["optimizer"] = {{"betas", {0.9}}}; }, "recipe.json: optimizer.betas",
         "two numbers"},
        {"beta of one", [](auto &d) { d["optimizer"] = {{"betas", {0.9, 1.0}}}; },
         "recipe.json: optimizer.betas[1]", "[0, 1)"},
        {"nesterov without momentum", [](auto &d) { d["optimizer"] = {{"name", "sgd"}, {"nesterov", true}}; },
         "recipe.json: optimizer.nesterov", "momentum"},
        {"both warmups", [](auto &d) { d["schedule"] = {{"warmup_steps", 3}, {"warmup_ratio", 0.1}}; },
         "recipe.json: schedule.warmup_ratio", "not both"},
        {"no model path", [](auto &d) { d["model"] = nlohmann::json::object(); }, "recipe.json: model.path",
         "required"},
        {"no dataset", [](auto &d) { d.erase("dataset"); }, "recipe.json: dataset", "required"},
        {"method without kind", [](auto &d) { d["method"] = {{"rank", 8}}; }, "recipe.json: method.kind",
         "required"},
        {"method not an object", [](auto &d) { d["method"] = "lora"; }, "recipe.json: method", "JSON object"},
        {"accuracy on causal lm", [](auto &d) { d["training"] = {{"early_stopping", {{"metric", "accuracy"}}}}; },
         "recipe.json: training.early_stopping.metric", "classification"},
        {"validation fraction", [](auto &d) { d["dataset"]["validation_fraction"] = 1.0; },
         "recipe.json: dataset.validation_fraction", "[0, 0.9]"},
        {"task kind", [](auto &d) { d["task"] = {{"kind", "seq2seq"}}; }, "recipe.json: task.kind", "causal_lm"},
        {"augmentation typo", [](auto &d) { d["dataset"]["augmentation"] = {{"copy", 2}}; },
         "recipe.json: dataset.augmentation.copy", "not a known setting"},
        {"too many copies", [](auto &d) { d["dataset"]["augmentation"] = {{"copies", 17}}; },
         "recipe.json: dataset.augmentation.copies", "1..16"},
        {"deletion of one", [](auto &d) { d["dataset"]["augmentation"] = {{"deletion", 1.0}}; },
         "recipe.json: dataset.augmentation.deletion", "[0, 0.9]"},
        {"negative swaps", [](auto &d) { d["dataset"]["augmentation"] = {{"swaps", -1}}; },
         "recipe.json: dataset.augmentation.swaps", "0..64"},
        {"rate without synonyms", [](auto &d) { d["dataset"]["augmentation"] = {{"synonym_rate", 0.5}}; },
         "recipe.json: dataset.augmentation.synonym_rate", "synonym file"},
        {"zero synonym rate",
         [](auto &d) { d["dataset"]["augmentation"] = {{"synonyms", "s.txt"}, {"synonym_rate", 0}}; },
         "recipe.json: dataset.augmentation.synonym_rate", "(0, 1]"},
        {"empty synonyms path", [](auto &d) { d["dataset"]["augmentation"] = {{"synonyms", ""}}; },
         "recipe.json: dataset.augmentation.synonyms", "must not be empty"},
        {"augmentation that does nothing",
         [](auto &d) { d["dataset"]["augmentation"] = {{"deletion", 0}, {"swaps", 0}}; },
         "recipe.json: dataset.augmentation.deletion", "changes nothing"},
        {"augmentation of chat data",
         [](auto &d) { d["dataset"]["kind"] = "sharegpt"; d["dataset"]["augmentation"] = {{"copies", 2}}; },
         "recipe.json: dataset.augmentation", "text and classification"},
        {"augmentation not an object", [](auto &d) { d["dataset"]["augmentation"] = 2; },
         "recipe.json: dataset.augmentation", "JSON object"},
        {"checkpointing as a string", [](auto &d) { d["training"] = {{"activation_checkpointing", "yes"}}; },
         "recipe.json: training.activation_checkpointing", "true or false"},
        {"dropout of 1", [](auto &d) { d["training"] = {{"dropout", 1.0}}; }, "recipe.json: training.dropout",
         "must be in [0, 0.9]"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        auto doc = minimal();
        c.change(doc);
        const auto e = parseError(doc);
        EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
        EXPECT_EQ(e.where(), c.where);
        EXPECT_NE(e.detail().find(c.detailPart), std::string::npos) << e.detail();
    }
}

TEST(Recipe, RecipeFileWithDuplicateKeysIsRefused)
{
    test::TempDir dir;
    const auto path = dir.write("r.json", R"({"model":{"path":"a"},"model":{"path":"b"},"dataset":{"path":"d"}})");
    const auto e = errorOf([&] { loadTrainingRecipe(path); });
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_NE((e.where() + e.detail()).find("model"), std::string::npos) << e.what();
    EXPECT_EQ(errorOf([&] { loadTrainingRecipe(dir.file("missing.json")); }).kind(), ErrorKind::NotFound);
}

// The ```json blocks of docs/recipes.md that hold a whole recipe (a "model" key).
std::vector<nlohmann::json> documentedRecipes()
{
    std::ifstream in(LLMOS_SOURCE_DIR "/docs/recipes.md");
    std::stringstream text;
    text << in.rdbuf();
    const auto doc = text.str();
    std::vector<nlohmann::json> recipes;
    for (std::size_t at = doc.find("```json"); at != std::string::npos; at = doc.find("```json", at + 1)) {
        const auto start = at + 7;
        const auto end = doc.find("```", start);
        auto value = nlohmann::json::parse(doc.substr(start, end - start));
        if (value.contains("model"))
            recipes.push_back(value);
    }
    return recipes;
}

TEST(Recipe, DocumentedExamplesParse)
{
    const auto recipes = documentedRecipes();
    ASSERT_GE(recipes.size(), 3u) << "docs/recipes.md should show at least three example recipes";
    for (const auto &recipe : recipes) {
        SCOPED_TRACE(recipe.dump());
        EXPECT_NO_THROW(parseTrainingRecipe(recipe, "docs/recipes.md"));
    }
}

// Validates the documented examples, a full toJson() and a bad recipe against
// docs/recipe.schema.json with Python's jsonschema, when the machine has it.
TEST(Recipe, SchemaAgreesWithTheParser)
{
    if (test::runShell("python3 -c 'import jsonschema' >/dev/null 2>&1").exitCode != 0)
        GTEST_SKIP() << "python3 with jsonschema is not installed";
    test::TempDir dir;
    auto documents = documentedRecipes();
    auto full = minimal();
    full["training"] = {{"early_stopping", {{"metric", "eval_loss"}}},
                        {"fgm", {{"epsilon", 1.0}}},
                        {"activation_checkpointing", true}};
    full["dataset"]["augmentation"] = {{"copies", 2}, {"synonyms", "s.txt"}, {"synonym_rate", 0.2}};
    documents.push_back(toJson(parseTrainingRecipe(full)));
    const auto good = dir.write("good.json", nlohmann::json(documents).dump());
    auto bad = minimal();
    bad["optimizer"] = {{"learning_rate", 1}};
    const auto badPath = dir.write("bad.json", nlohmann::json::array({bad}).dump());
    const std::string script = "import json,sys,jsonschema\n"
                               "schema=json.load(open(sys.argv[1]))\n"
                               "jsonschema.Draft202012Validator.check_schema(schema)\n"
                               "v=jsonschema.Draft202012Validator(schema)\n"
                               "errs=[e.message for d in json.load(open(sys.argv[2])) for e in v.iter_errors(d)]\n"
                               "print(errs)\n"
                               "sys.exit(1 if errs else 0)\n";
    const auto scriptPath = dir.write("check.py", script);
    const std::string schema = LLMOS_SOURCE_DIR "/docs/recipe.schema.json";
    const auto ok = test::runShell("python3 " + scriptPath + " " + schema + " " + good + " 2>&1");
    EXPECT_EQ(ok.exitCode, 0) << ok.out;
    const auto refused = test::runShell("python3 " + scriptPath + " " + schema + " " + badPath + " 2>&1");
    EXPECT_EQ(refused.exitCode, 1) << refused.out;
}

} // namespace
} // namespace llmos

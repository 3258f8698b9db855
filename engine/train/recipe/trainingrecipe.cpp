#include "recipe/trainingrecipe.h"

#include "recipe/jsonfieldreader.h"

#include "formats/strictjson.h"
#include "util/error.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace llmos {

namespace {

constexpr std::int64_t kMaxCount = 1'000'000'000;

// The device names runtime/torchdevice.h resolves; whether the device exists is checked
// when the run starts, where torch is.
bool isDeviceName(const std::string &name)
{
    if (name == "auto" || name == "cpu" || name == "cuda")
        return true;
    if (!name.starts_with("cuda:") || name.size() == 5 || name.size() > 8)
        return false;
    return std::all_of(name.begin() + 5, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

DatasetFileFormat fileFormat(const std::string &name)
{
    for (auto format : {DatasetFileFormat::Auto, DatasetFileFormat::Text, DatasetFileFormat::JsonLines,
                        DatasetFileFormat::JsonArray, DatasetFileFormat::Csv, DatasetFileFormat::Tsv})
        if (name == datasetFileFormatName(format))
            return format;
    return DatasetFileFormat::Auto;
}

DatasetKind datasetKind(const std::string &name)
{
    for (auto kind : {DatasetKind::Auto, DatasetKind::PretrainText, DatasetKind::Alpaca, DatasetKind::OpenAiChat,
                      DatasetKind::ShareGpt, DatasetKind::Classification})
        if (name == datasetKindName(kind))
            return kind;
    return DatasetKind::Auto;
}

// dataset.augmentation: at least one operation must do something, and synonym_rate
// needs a synonym file.
AugmentationSettings parseAugmentation(JsonFieldReader reader)
{
    AugmentationSettings a;
    a.copies = reader.integer("copies", a.copies, 1, 16);
    a.deletion = reader.number("deletion", a.deletion, 0.0, 0.9);
    a.swaps = reader.integer("swaps", a.swaps, 0, 64);
    if (reader.has("synonyms"))
        a.synonyms = reader.requiredString("synonyms");
    else
        reader.string("synonyms", {});
    if (reader.has("synonym_rate") && a.synonyms.empty())
        reader.fail("synonym_rate", "needs a synonym file: set dataset.augmentation.synonyms");
    a.synonymRate = reader.number("synonym_rate", a.synonymRate, 0.0, 1.0, true);
    a.seed = static_cast<std::uint64_t>(reader.integer("seed", static_cast<std::int64_t>(a.seed), 0, INT64_MAX));
    reader.finish();
    if (a.deletion == 0 && a.swaps == 0 && a.synonyms.empty())
        reader.fail("deletion", "with swaps 0 and no synonyms the augmentation changes nothing; set deletion, "
                                "swaps or synonyms, or remove dataset.augmentation");
    return a;
}

DatasetSpec parseDataset(JsonFieldReader reader)
{
    DatasetSpec spec;
    spec.path = reader.requiredString("path");
    spec.format = fileFormat(reader.choice("format", {"auto", "text", "jsonl", "json", "csv", "tsv"}, "auto"));
    spec.kind = datasetKind(
        reader.choice("kind", {"auto", "text", "alpaca", "openai", "sharegpt", "classification"}, "auto"));
    auto fields = reader.child("fields");
    spec.fields.text = fields.string("text", spec.fields.text);
    spec.fields.label = fields.string("label", spec.fields.label);
    if (spec.fields.text.empty())
        fields.fail("text", "must not be empty");
    if (spec.fields.label.empty())
        fields.fail("label", "must not be empty");
    fields.finish();
    spec.policy = reader.choice("bad_rows", {"abort", "skip"}, "abort") == "skip" ? BadRowPolicy::Skip
                                                                                   : BadRowPolicy::Abort;
    if (reader.has("validation_path")) {
        spec.validationPath = reader.string("validation_path", "");
        if (spec.validationPath.empty())
            reader.fail("validation_path", "must name a file");
        if (reader.has("validation_fraction"))
            reader.fail("validation_fraction", "is not used with validation_path (its file validates); remove one");
        spec.validationFraction = 0;
    }
    spec.validationFraction = reader.number("validation_fraction", spec.validationFraction, 0.0, 0.9);
    spec.seed = static_cast<std::uint64_t>(reader.integer("seed", static_cast<std::int64_t>(spec.seed), 0, INT64_MAX));
    spec.maskPrivateData = reader.boolean("mask_private_data", false);
    if (reader.has("augmentation")) {
        // Instruction and chat data are refused again at load time, once "auto" is resolved.
        if (spec.kind != DatasetKind::Auto && spec.kind != DatasetKind::PretrainText
            && spec.kind != DatasetKind::Classification)
            reader.fail("augmentation", std::string("applies to text and classification data only, not ")
                                            + datasetKindName(spec.kind)
                                            + " data, whose answers deletion and swaps would garble: remove it");
        spec.augmentation = parseAugmentation(reader.child("augmentation"));
    } else
        reader.object("augmentation");
    reader.finish();
    return spec;
}

TaskSettings parseTask(JsonFieldReader reader)
{
    TaskSettings task;
    task.kind = reader.choice("kind", {"causal_lm", "classification"}, "causal_lm") == "classification"
                    ? TrainingTaskKind::Classification
                    : TrainingTaskKind::CausalLm;
    task.maxSeqLen = reader.integer("max_seq_len", task.maxSeqLen, 2, 1 << 20);
    reader.finish();
    return task;
}

OptimizerSettings parseOptimizer(JsonFieldReader reader, const std::string &methodKind)
{
    OptimizerSettings o;
    o.name = reader.choice("name", {"sgd", "adam", "adamw", "adagrad", "rmsprop"}, o.name);
    o.lr = reader.number("lr", defaultLearningRate(methodKind), 0.0, 10.0, true);
    o.weightDecay = reader.number("weight_decay", o.weightDecay, 0.0, 10.0);
    o.eps = reader.number("eps", o.eps, 0.0, 1.0, true);
    o.momentum = reader.number("momentum", o.momentum, 0.0, 0.999999);
    o.nesterov = reader.boolean("nesterov", o.nesterov);
    reader.finish();
    if (o.nesterov && (o.name != "sgd" || o.momentum <= 0))
        reader.fail("nesterov", "needs optimizer \"sgd\" with a momentum above 0");
    return o;
}

ScheduleSettings parseSchedule(JsonFieldReader reader)
{
    ScheduleSettings s;
    s.name = reader.choice("name", {"constant", "linear", "cosine"}, s.name);
    if (reader.has("warmup_steps") && reader.has("warmup_ratio"))
        reader.fail("warmup_ratio", "give warmup_steps or warmup_ratio, not both");
    s.warmupSteps = reader.integer("warmup_steps", 0, 0, kMaxCount);
    s.warmupRatio = reader.number("warmup_ratio", 0.0, 0.0, 0.99);
    reader.finish();
    return s;
}

TrainingSettings parseTraining(JsonFieldReader reader)
{
    TrainingSettings t;
    t.epochs = reader.integer("epochs", t.epochs, 1, 100000);
    t.maxSteps = reader.integer("max_steps", t.maxSteps, 0, kMaxCount);
    t.batchSize = reader.integer("batch_size", t.batchSize, 1, 65536);
    t.gradAccumulation = reader.integer("grad_accumulation", t.gradAccumulation, 1, 65536);
    t.maxGradNorm = reader.number("max_grad_norm", t.maxGradNorm, 0.0, 1e6);
    t.evalEvery = reader.integer("eval_every", t.evalEvery, 0, kMaxCount);
    t.checkpointEvery = reader.integer("checkpoint_every", t.checkpointEvery, 0, kMaxCount);
    t.keepCheckpoints = reader.integer("keep_checkpoints", t.keepCheckpoints, 1, 1000);
    t.seed = static_cast<std::uint64_t>(reader.integer("seed", static_cast<std::int64_t>(t.seed), 0, INT64_MAX));
    t.activationCheckpointing = reader.boolean("activation_checkpointing", t.activationCheckpointing);
    t.dropout = reader.number("dropout", t.dropout, 0.0, 0.9);
    t.device = reader.string("device", t.device);
    if (!isDeviceName(t.device))
        reader.fail("device", "must be auto, cpu, cuda or cuda:N, not \"" + t.device + "\"");
    t.precision = reader.choice("precision", {"auto", "fp32", "bf16"}, t.precision);
    if (reader.has("early_stopping")) {
        auto es = reader.child("early_stopping");
        EarlyStoppingSettings e;
        e.metric = es.choice("metric", {"eval_loss", "perplexity", "accuracy", "macro_f1"}, e.metric);
        e.patience = es.integer("patience", e.patience, 1, 100000);
        e.mode = es.choice("mode", {"auto", "min", "max"}, e.mode);
        es.finish();
        t.earlyStopping = e;
    } else {
        reader.object("early_stopping");
    }
    if (reader.has("fgm")) {
        auto fgm = reader.child("fgm");
        FgmSettings f;
        f.epsilon = fgm.number("epsilon", f.epsilon, 0.0, 1e3, true);
        fgm.finish();
        t.fgm = f;
    } else {
        reader.object("fgm");
    }
    reader.finish();
    return t;
}

OutputSettings parseOutput(JsonFieldReader reader)
{
    OutputSettings o;
    o.name = reader.string("name", o.name);
    o.merge = reader.boolean("merge", o.merge);
    o.registerModel = reader.boolean("register", o.registerModel);
    reader.finish();
    return o;
}

// "betas": [beta1, beta2], each in [0, 1).
void parseBetas(const nlohmann::json &optimizer, const std::string &source, OptimizerSettings &o)
{
    if (!optimizer.is_object() || !optimizer.contains("betas") || optimizer["betas"].is_null())
        return;
    const auto &betas = optimizer["betas"];
    const auto where = source + ": optimizer.betas";
    if (!betas.is_array() || betas.size() != 2 || !betas[0].is_number() || !betas[1].is_number())
        throw Error(ErrorKind::InvalidInput, where, "must be a list of two numbers, e.g. [0.9, 0.999]");
    for (int i = 0; i < 2; ++i) {
        const double beta = betas[i].get<double>();
        if (!(beta >= 0.0 && beta < 1.0))
            throw Error(ErrorKind::InvalidInput, where + "[" + std::to_string(i) + "]", "must be in [0, 1)");
    }
    o.beta1 = betas[0].get<double>();
    o.beta2 = betas[1].get<double>();
}

} // namespace

// Methods that train a few new parameters learn at a higher rate than full fine-tuning
// (PEFT's examples use 1e-4..3e-4 for LoRA, transformers' Trainer 5e-5 for full).
double defaultLearningRate(const std::string &methodKind)
{
    if (methodKind == "lora" || methodKind == "adalora" || methodKind == "adapter" || methodKind == "prefix")
        return 2e-4;
    if (methodKind == "prompt")
        return 3e-3;
    return 5e-5;
}

std::string EarlyStoppingSettings::resolvedMode() const
{
    if (mode != "auto")
        return mode;
    return metric == "eval_loss" || metric == "perplexity" ? "min" : "max";
}

std::string TrainingRecipe::methodKind() const
{
    return method.at("kind").get<std::string>();
}

DatasetSpec parseDatasetSection(const nlohmann::json &section, const std::string &source)
{
    return parseDataset(JsonFieldReader(section, source, "dataset"));
}

const char *trainingTaskKindName(TrainingTaskKind kind) noexcept
{
    return kind == TrainingTaskKind::Classification ? "classification" : "causal_lm";
}

TrainingRecipe parseTrainingRecipe(const nlohmann::json &document, const std::string &source)
{
    JsonFieldReader reader(document, source, "");
    TrainingRecipe recipe;
    if (reader.integer("version", 1, 1, 1) != 1)
        reader.fail("version", "must be 1");

    auto model = reader.child("model");
    recipe.modelPath = model.requiredString("path");
    model.finish();
    if (!reader.has("dataset"))
        reader.fail("dataset", "is required: give at least {\"path\": ...}");
    recipe.dataset = parseDataset(reader.child("dataset"));
    recipe.task = parseTask(reader.child("task"));

    if (reader.has("method")) {
        recipe.method = reader.object("method");
        const auto kind = recipe.method.find("kind");
        if (kind == recipe.method.end() || !kind->is_string() || kind->get<std::string>().empty())
            throw Error(ErrorKind::InvalidInput, source + ": method.kind",
                        "is required: one of full, freeze, bitfit, lora, adalora, adapter, prefix, prompt");
    } else {
        reader.object("method");
    }

    // "betas" is a list, which JsonFieldReader does not read; parseBetas checks it.
    const auto &optimizerJson = reader.object("optimizer");
    nlohmann::json optimizerWithoutBetas = optimizerJson;
    optimizerWithoutBetas.erase("betas");
    recipe.optimizer = parseOptimizer(JsonFieldReader(optimizerWithoutBetas, source, "optimizer"),
                                      recipe.methodKind());
    parseBetas(optimizerJson, source, recipe.optimizer);
    recipe.schedule = parseSchedule(reader.child("schedule"));
    recipe.training = parseTraining(reader.child("training"));
    recipe.output = parseOutput(reader.child("output"));
    reader.finish();

    if (recipe.training.earlyStopping) {
        const auto &metric = recipe.training.earlyStopping->metric;
        const bool classificationMetric = metric == "accuracy" || metric == "macro_f1";
        if (classificationMetric && recipe.task.kind != TrainingTaskKind::Classification)
            throw Error(ErrorKind::InvalidInput, source + ": training.early_stopping.metric",
                        metric + " needs task.kind \"classification\"; use eval_loss or perplexity");
        if (recipe.dataset.validationFraction <= 0 && recipe.dataset.validationPath.empty())
            throw Error(ErrorKind::InvalidInput, source + ": training.early_stopping",
                        "needs validation data: set dataset.validation_fraction above 0 (or dataset.validation_path)");
    }
    return recipe;
}

TrainingRecipe loadTrainingRecipe(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, path, "cannot open the recipe file");
    std::ostringstream text;
    text << in.rdbuf();
    return parseTrainingRecipe(parseJsonStrict(text.str(), path), path);
}

nlohmann::json toJson(const TrainingRecipe &r)
{
    const auto &d = r.dataset;
    nlohmann::json training = {
        {"epochs", r.training.epochs},
        {"max_steps", r.training.maxSteps},
        {"batch_size", r.training.batchSize},
        {"grad_accumulation", r.training.gradAccumulation},
        {"max_grad_norm", r.training.maxGradNorm},
        {"eval_every", r.training.evalEvery},
        {"checkpoint_every", r.training.checkpointEvery},
        {"keep_checkpoints", r.training.keepCheckpoints},
        {"seed", r.training.seed},
    };
    if (r.training.earlyStopping)
        training["early_stopping"] = {{"metric", r.training.earlyStopping->metric},
                                      {"patience", r.training.earlyStopping->patience},
                                      {"mode", r.training.earlyStopping->mode}};
    if (r.training.fgm)
        training["fgm"] = {{"epsilon", r.training.fgm->epsilon}};
    // Written only when on, so the fingerprints (and checkpoints) of recipes from before
    // the setting existed stay valid.
    if (r.training.activationCheckpointing)
        training["activation_checkpointing"] = true;
    if (r.training.dropout > 0)
        training["dropout"] = r.training.dropout;
    if (r.training.device != "auto")
        training["device"] = r.training.device;
    if (r.training.precision != "auto")
        training["precision"] = r.training.precision;

    nlohmann::json output = {{"name", r.output.name}, {"merge", r.output.merge}};
    if (!r.output.registerModel) // written only when off, as above
        output["register"] = false;

    nlohmann::json schedule = {{"name", r.schedule.name}};
    if (r.schedule.warmupRatio > 0)
        schedule["warmup_ratio"] = r.schedule.warmupRatio;
    else
        schedule["warmup_steps"] = r.schedule.warmupSteps;

    nlohmann::json dataset = {{"path", d.path},
                              {"format", datasetFileFormatName(d.format)},
                              {"kind", datasetKindName(d.kind)},
                              {"fields", {{"text", d.fields.text}, {"label", d.fields.label}}},
                              {"bad_rows", d.policy == BadRowPolicy::Skip ? "skip" : "abort"},
                              {"seed", d.seed}};
    if (d.maskPrivateData) // only when set: recipes without it keep their fingerprints
        dataset["mask_private_data"] = true;
    if (d.validationPath.empty())
        dataset["validation_fraction"] = d.validationFraction;
    else
        dataset["validation_path"] = d.validationPath;
    if (const auto &a = d.augmentation) {
        dataset["augmentation"] = {{"copies", a->copies}, {"deletion", a->deletion}, {"swaps", a->swaps},
                                   {"seed", a->seed}};
        if (!a->synonyms.empty()) {
            dataset["augmentation"]["synonyms"] = a->synonyms;
            dataset["augmentation"]["synonym_rate"] = a->synonymRate;
        }
    }

    return {
        {"version", 1},
        {"model", {{"path", r.modelPath}}},
        {"dataset", dataset},
        {"task", {{"kind", trainingTaskKindName(r.task.kind)}, {"max_seq_len", r.task.maxSeqLen}}},
        {"method", r.method},
        {"optimizer",
         {{"name", r.optimizer.name},
          {"lr", r.optimizer.lr},
          {"weight_decay", r.optimizer.weightDecay},
          {"betas", {r.optimizer.beta1, r.optimizer.beta2}},
          {"eps", r.optimizer.eps},
          {"momentum", r.optimizer.momentum},
          {"nesterov", r.optimizer.nesterov}}},
        {"schedule", schedule},
        {"training", training},
        {"output", output},
    };
}

} // namespace llmos

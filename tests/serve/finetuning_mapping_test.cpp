// OpenAI's fine-tuning API without a network: the multipart/form-data parser on good and
// hostile bodies, the request checks, the request -> recipe mapping, and the job, event
// and checkpoint objects made from a run's state and events.
#include "serve/apierror.h"
#include "serve/multipartform.h"
#include "serve/openaifinetuning.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace llmos;
using namespace llmos::serve;
using nlohmann::json;

namespace {

const std::string kType = "multipart/form-data; boundary=XyZ";

std::string form(const std::vector<std::string> &parts)
{
    std::string body;
    for (const auto &part : parts)
        body += "--XyZ\r\n" + part + "\r\n";
    return body + "--XyZ--\r\n";
}

ApiError multipartError(const std::string &type, const std::string &body, const MultipartLimits &limits = {})
{
    try {
        parseMultipartForm(type, body, limits);
    } catch (const ApiError &error) {
        return error;
    }
    ADD_FAILURE() << "accepted: " << body;
    return ApiError(200, "");
}

ApiError requestError(const json &body)
{
    try {
        parseFineTuningRequest(body);
    } catch (const ApiError &error) {
        return error;
    }
    ADD_FAILURE() << "accepted: " << body.dump();
    return ApiError(200, "");
}

json minimalRequest()
{
    return {{"model", "tiny"}, {"training_file", "file-abc"}};
}

} // namespace

TEST(MultipartForm, ReadsFieldsAndFilesAsClientsSendThem)
{
    const auto body = "preamble to ignore\r\n" +
                      form({"Content-Disposition: form-data; name=\"purpose\"\r\n\r\nfine-tune",
                            "Content-Disposition: form-data; name=\"file\"; filename=\"my \\\"data\\\";1.jsonl\"\r\n"
                            "Content-Type: application/jsonl\r\n\r\n{\"a\":1}\r\n{\"a\":2}\r\n",
                            "content-disposition: form-data; name=empty\r\n\r\n"}) +
                      "epilogue";
    const auto parts = parseMultipartForm("multipart/form-data; charset=utf-8; boundary=\"XyZ\"", body);
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(parts[0].name, "purpose");
    EXPECT_FALSE(parts[0].filename);
    EXPECT_EQ(parts[0].data, "fine-tune");
    EXPECT_EQ(parts[1].name, "file");
    EXPECT_EQ(parts[1].filename, "my \"data\";1.jsonl");
    EXPECT_EQ(parts[1].contentType, "application/jsonl");
    EXPECT_EQ(parts[1].data, "{\"a\":1}\r\n{\"a\":2}\r\n") << "the data's own line breaks are kept";
    EXPECT_EQ(parts[2].name, "empty");
    EXPECT_EQ(parts[2].data, "");
}

TEST(MultipartForm, BinaryDataAndBoundaryLookalikesStayInThePart)
{
    std::string data = "--XyZ is not a delimiter unless a line starts with it";
    data += std::string("\0\r\n--Xy\r\n", 10);
    const auto parts = parseMultipartForm(kType, form({"Content-Disposition: form-data; name=\"file\"; filename=\"b\"\r\n\r\n" + data}));
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].data, data);
}

TEST(MultipartForm, MalformedBodiesSayWhatIsWrong)
{
    const std::string disposition = "Content-Disposition: form-data; name=\"f\"\r\n\r\nx";
    struct Case {
        const char *name;
        std::string type;
        std::string body;
        const char *says;
    };
    const std::vector<Case> cases = {
        {"not multipart", "application/json", form({disposition}), "must be multipart/form-data"},
        {"no boundary", "multipart/form-data", form({disposition}), "no boundary"},
        {"boundary too long", "multipart/form-data; boundary=" + std::string(71, 'b'), form({disposition}), "no boundary"},
        {"empty body", kType, "", "never occurs"},
        {"boundary absent", kType, "just some bytes", "never occurs"},
        {"no closing boundary", kType, "--XyZ\r\n" + disposition, "no boundary after its data"},
        {"cut after a delimiter", kType, "--XyZ\r\n" + disposition + "\r\n--XyZ", "without a closing boundary"},
        {"junk after a delimiter", kType, "--XyZjunk\r\n" + disposition + "\r\n--XyZ--", "unexpected bytes"},
        {"no blank line", kType, "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n--XyZ--", "no blank line"},
        {"no disposition", kType, form({"Content-Type: text/plain\r\n\r\nx"}), "no Content-Disposition"},
        {"no name", kType, form({"Content-Disposition: form-data; filename=\"a\"\r\n\r\nx"}), "has no name"},
        {"not form-data", kType, form({"Content-Disposition: attachment; name=\"f\"\r\n\r\nx"}), "not form-data"},
        {"header without colon", kType, form({"Content-Disposition form-data\r\n\r\nx"}), "has no ':'"},
        {"unterminated quote", kType, form({"Content-Disposition: form-data; name=\"f\r\n\r\nx"}), "has no name"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        const auto error = multipartError(c.type, c.body);
        EXPECT_EQ(error.status(), 400);
        EXPECT_NE(std::string(error.what()).find(c.says), std::string::npos) << error.what();
    }
}

TEST(MultipartForm, LimitsBoundPartsAndHeaders)
{
    MultipartLimits limits;
    limits.maxParts = 2;
    limits.maxPartHeaderBytes = 64;
    limits.maxHeadersPerPart = 2;
    const std::string part = "Content-Disposition: form-data; name=\"f\"\r\n\r\nx";
    EXPECT_NO_THROW(parseMultipartForm(kType, form({part, part}), limits));
    EXPECT_NE(std::string(multipartError(kType, form({part, part, part}), limits).what()).find("more than 2 parts"),
              std::string::npos);
    const std::string longHeader = "Content-Disposition: form-data; name=\"" + std::string(100, 'n') + "\"\r\n\r\nx";
    EXPECT_NE(std::string(multipartError(kType, form({longHeader}), limits).what()).find("larger than 64 bytes"),
              std::string::npos);
    const std::string manyHeaders = "A: 1\r\nB: 2\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx";
    EXPECT_NE(std::string(multipartError(kType, form({manyHeaders}), limits).what()).find("more than 2 headers"),
              std::string::npos);
}

TEST(MultipartForm, HeaderParametersAreReadWithoutCaseAndWithQuotes)
{
    EXPECT_EQ(headerParameter("form-data; NAME=\"a;b\"; filename=c.txt", "name"), "a;b");
    EXPECT_EQ(headerParameter("form-data; NAME=\"a;b\"; filename=c.txt", "filename"), "c.txt");
    EXPECT_EQ(headerParameter("form-data; flag; name=x", "name"), "x");
    EXPECT_FALSE(headerParameter("form-data; name=x", "filename"));
    EXPECT_FALSE(headerParameter("form-data", "name"));
    EXPECT_FALSE(headerParameter("form-data; name=\"open", "name"));
}

TEST(FineTuningRequest, ReadsBothHyperparameterPlacesAndAuto)
{
    auto body = minimalRequest();
    body["hyperparameters"] = {{"n_epochs", 2}, {"batch_size", "auto"}, {"learning_rate_multiplier", 0.5}};
    body["suffix"] = "jokes-v1";
    body["seed"] = 7;
    body["metadata"] = {{"team", "demo"}};
    auto request = parseFineTuningRequest(body);
    EXPECT_EQ(request.epochs, 2);
    EXPECT_FALSE(request.batchSize);
    EXPECT_EQ(request.learningRateMultiplier, 0.5);
    EXPECT_EQ(request.suffix, "jokes-v1");
    EXPECT_EQ(request.seed, 7u);

    body = minimalRequest();
    body["method"] = {{"type", "supervised"}, {"supervised", {{"hyperparameters", {{"batch_size", 4}}}}}};
    EXPECT_EQ(parseFineTuningRequest(body).batchSize, 4);
}

TEST(FineTuningRequest, WrongRequestsNameTheField)
{
    struct Case {
        std::function<void(json &)> change;
        const char *param;
    };
    const std::vector<Case> cases = {
        {[](json &b) { b.erase("model"); }, "model"},
        {[](json &b) { b["training_file"] = 3; }, "training_file"},
        {[](json &b) { b["validation_file"] = ""; }, "validation_file"},
        {[](json &b) { b["hyperparameters"] = {{"n_epochs", 0}}; }, "hyperparameters.n_epochs"},
        {[](json &b) { b["hyperparameters"] = {{"batch_size", "big"}}; }, "hyperparameters.batch_size"},
        {[](json &b) { b["hyperparameters"] = {{"learning_rate_multiplier", -1}}; },
         "hyperparameters.learning_rate_multiplier"},
        {[](json &b) { b["hyperparameters"] = {{"beta", 0.1}}; }, "hyperparameters.beta"},
        {[](json &b) { b["method"] = {{"type", "dpo"}}; }, "method.type"},
        {[](json &b) { b["suffix"] = "has space"; }, "suffix"},
        {[](json &b) { b["suffix"] = std::string(65, 's'); }, "suffix"},
        {[](json &b) { b["seed"] = -1; }, "seed"},
        {[](json &b) { b["metadata"] = {{"k", 1}}; }, "metadata.k"},
        {[](json &b) { b["integrations"] = json::array({{{"type", "wandb"}}}); }, "integrations"},
        {[](json &b) { b["llmos_recipe"] = {{"dataset", {{"path", "/etc/passwd"}}}}; }, "llmos_recipe.dataset"},
        {[](json &b) { b["learning_rate"] = 1; }, "learning_rate"},
    };
    for (const auto &c : cases) {
        auto body = minimalRequest();
        c.change(body);
        SCOPED_TRACE(body.dump());
        const auto error = requestError(body);
        EXPECT_EQ(error.status(), 400);
        EXPECT_EQ(error.param(), c.param) << error.what();
    }
}

TEST(FineTuningRecipe, MapsTheRequestOntoALoraRecipeOfTheUploadedFiles)
{
    auto body = minimalRequest();
    body["hyperparameters"] = {{"n_epochs", 2}, {"learning_rate_multiplier", 0.5}};
    body["seed"] = 11;
    FineTuningJob job;
    job.fineTunedModel = fineTunedModelName("tiny", "jokes", "abc");
    EXPECT_EQ(job.fineTunedModel, "ft:tiny:jokes:abc");
    const auto recipe = fineTuningRecipe(parseFineTuningRequest(body), "m-base", "/data/files/file-a.jsonl",
                                         "/data/files/file-b.jsonl", job);
    EXPECT_EQ(recipe.modelPath, "m-base");
    EXPECT_EQ(recipe.dataset.path, "/data/files/file-a.jsonl");
    EXPECT_EQ(recipe.dataset.validationPath, "/data/files/file-b.jsonl");
    EXPECT_EQ(recipe.dataset.kind, DatasetKind::OpenAiChat);
    EXPECT_EQ(recipe.methodKind(), "lora");
    EXPECT_TRUE(recipe.output.merge) << "a whole model, which the server can offer";
    EXPECT_EQ(recipe.output.name, "ft:tiny:jokes:abc");
    EXPECT_EQ(recipe.training.epochs, 2);
    EXPECT_EQ(recipe.training.seed, 11u);
    EXPECT_DOUBLE_EQ(recipe.optimizer.lr, defaultLearningRate("lora") * 0.5);
    EXPECT_EQ(job.epochs, 2);
    EXPECT_EQ(job.batchSize, 8) << "auto: the recipe's default";
    EXPECT_EQ(job.learningRateMultiplier, 0.5);

    // Without a validation file every example trains; llmos_recipe sections win.
    body["llmos_recipe"] = {{"method", {{"kind", "full"}}}, {"training", {{"max_steps", 5}}}};
    const auto full = fineTuningRecipe(parseFineTuningRequest(body), "m-base", "/t.jsonl", "", job);
    EXPECT_EQ(full.methodKind(), "full");
    EXPECT_EQ(full.training.maxSteps, 5);
    EXPECT_EQ(full.training.epochs, 2);
    EXPECT_EQ(full.dataset.validationFraction, 0.0);
    EXPECT_DOUBLE_EQ(full.optimizer.lr, defaultLearningRate("full") * 0.5);

    body["llmos_recipe"] = {{"optimizer", {{"lr", -3}}}};
    try {
        fineTuningRecipe(parseFineTuningRequest(body), "m-base", "/t.jsonl", "", job);
        FAIL() << "a bad recipe section was accepted";
    } catch (const ApiError &error) {
        EXPECT_EQ(error.status(), 400);
        EXPECT_NE(std::string(error.what()).find("optimizer.lr"), std::string::npos) << error.what();
    }
}

TEST(FineTuningObjects, JobEventsAndCheckpointsInOpenAisShapes)
{
    FineTuningJob job;
    job.runId = "r-0123456789ab";
    job.model = "tiny";
    job.trainingFile = "file-a";
    job.fineTunedModel = "ft:tiny:abc";
    job.epochs = 3;
    job.batchSize = 8;
    job.seed = 42;
    job.createdAt = 1000;
    const auto at = [&](std::uint64_t sequence, JobEventPayload payload) {
        return JobEvent{job.runId, sequence, static_cast<std::int64_t>(sequence) * 1000, std::move(payload)};
    };
    const std::vector<JobEvent> events = {
        at(1, JobStateChanged{JobState::Queued, JobState::Running, ""}),
        at(2, StepMetrics{1, 0.1, {{"loss", 2.5}, {"lr", 1e-4}, {"tokens_seen", 100}}}),
        at(3, Progress{1, 2}),
        at(4, checkpointSavedLine(1, "/home/me/data/runs/r-0123456789ab/checkpoints/step-00000001")),
        at(5, StepMetrics{2, 0.2, {{"loss", 2.0}, {"tokens_seen", 180}}}),
        at(6, EvalMetrics{2, 0.2, {{"eval_loss", 2.2}, {"perplexity", 9.0}}}),
        at(7, LogLine{LogLevel::Warning, "could not read /home/me/data/files/x"}),
        at(8, JobStateChanged{JobState::Running, JobState::Succeeded, ""}),
    };
    RunState state;
    state.id = job.runId;
    state.state = JobState::Succeeded;
    state.finishedMs = 9000;
    const auto object = fineTuningJobObject(job, state, events, "/home/me/data");
    EXPECT_EQ(object["id"], "ftjob-r-0123456789ab");
    EXPECT_EQ(object["object"], "fine_tuning.job");
    EXPECT_EQ(object["status"], "succeeded");
    EXPECT_EQ(object["fine_tuned_model"], "ft:tiny:abc");
    EXPECT_EQ(object["finished_at"], 9);
    EXPECT_EQ(object["trained_tokens"], 180);
    EXPECT_EQ(object["hyperparameters"]["n_epochs"], 3);
    EXPECT_TRUE(object["error"].is_null());
    EXPECT_EQ(runIdOfFineTuningJob("ftjob-r-0123456789ab"), job.runId);
    EXPECT_FALSE(runIdOfFineTuningJob("r-0123456789ab"));

    state.state = JobState::Failed;
    state.reason = "cannot read /home/me/data/files/file-a.jsonl";
    const auto failed = fineTuningJobObject(job, state, events, "/home/me/data");
    EXPECT_EQ(failed["status"], "failed");
    EXPECT_TRUE(failed["fine_tuned_model"].is_null());
    EXPECT_EQ(failed["error"]["message"], "cannot read files/file-a.jsonl") << "no local path leaves the server";
    state.state = JobState::Interrupted;
    EXPECT_EQ(fineTuningJobObject(job, state, events, "")["status"], "paused");

    const auto step = fineTuningEventObject(events[1], "/home/me/data");
    ASSERT_TRUE(step);
    EXPECT_EQ((*step)["type"], "metrics");
    EXPECT_EQ((*step)["data"]["train_loss"], 2.5);
    EXPECT_EQ((*step)["data"]["step"], 1);
    EXPECT_EQ((*step)["message"], "Step 1: training loss=2.5000");
    EXPECT_FALSE(fineTuningEventObject(events[2], "")) << "progress ticks are left out";
    EXPECT_EQ((*fineTuningEventObject(events[3], ""))["message"], "Checkpoint saved at step 1");
    const auto eval = *fineTuningEventObject(events[5], "");
    EXPECT_EQ(eval["data"]["valid_loss"], 2.2);
    EXPECT_EQ(eval["data"]["valid_perplexity"], 9.0);
    const auto warning = *fineTuningEventObject(events[6], "/home/me/data");
    EXPECT_EQ(warning["level"], "warn");
    EXPECT_EQ(warning["message"], "could not read files/x");
    EXPECT_EQ((*fineTuningEventObject(events[0], ""))["message"], "Fine-tuning job started");

    const auto checkpoints = fineTuningCheckpointObjects(job, events, {1, 2});
    ASSERT_EQ(checkpoints.size(), 2u);
    EXPECT_EQ(checkpoints[0]["step_number"], 2) << "newest first";
    EXPECT_EQ(checkpoints[0]["metrics"]["train_loss"], 2.0);
    EXPECT_EQ(checkpoints[0]["metrics"]["valid_loss"], 2.2);
    EXPECT_EQ(checkpoints[1]["metrics"]["train_loss"], 2.5);
    EXPECT_EQ(checkpoints[1]["created_at"], 4);
    EXPECT_EQ(checkpoints[1]["fine_tuning_job_id"], "ftjob-r-0123456789ab");
    EXPECT_EQ(checkpoints[1]["object"], "fine_tuning.job.checkpoint");
}

#include "finetune/recipefields.h"

#include "finetune/recipejsonpath.h"
#include "util/error.h"

#include <algorithm>
#include <cmath>

namespace llmos {

namespace {

using json = nlohmann::json;
using Type = RecipeFieldType;
using Section = RecipeSection;

constexpr const char *kContext = "llmos::RecipeFields";
constexpr double kMaxCount = 1e9;                   // the recipe parser's limit on step counts
constexpr double kMaxMethodSteps = 1099511627776.0; // 2^40, the method factory's

std::string integerText(double value)
{
    return std::to_string(static_cast<long long>(value));
}

std::string numberText(double value)
{
    return json(value).dump();
}

bool isWhole(const json &value)
{
    if (value.is_number_integer())
        return true;
    if (!value.is_number_float())
        return false;
    const double v = value.get<double>();
    return std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9.0e15;
}

std::string rangeText(const RecipeField &field, bool whole)
{
    auto text = [whole](double v) { return whole ? integerText(v) : numberText(v); };
    if (field.minimum && field.maximum) {
        if (field.minimumExclusive)
            return "in (" + text(*field.minimum) + ", " + text(*field.maximum) + "]";
        return text(*field.minimum) + ".." + text(*field.maximum);
    }
    if (field.minimum)
        return (field.minimumExclusive ? "above " : "at least ") + text(*field.minimum);
    return {};
}

std::optional<std::string> numberProblem(const RecipeField &field, const json &value, bool whole)
{
    const auto range = rangeText(field, whole);
    if (whole && !isWhole(value))
        return "must be a whole number" + (range.empty() ? std::string() : " " + range);
    if (!value.is_number() || !std::isfinite(value.get<double>()))
        return "must be a number" + (range.empty() ? std::string() : " " + range);
    const double v = value.get<double>();
    const bool low = field.minimum && (field.minimumExclusive ? v <= *field.minimum : v < *field.minimum);
    const bool high = field.maximum && v > *field.maximum;
    if (low || high)
        return "must be " + range + ", not " + (whole ? integerText(v) : value.dump());
    return std::nullopt;
}

} // namespace

std::vector<RecipeField> RecipeFields::makeCatalog()
{
    // Ranges are the engine's (recipe parser and method factory); the help says what a
    // field does, when to change it and what people usually pick, in plain words.
    const std::vector<std::string> lora{"lora"}, adalora{"adalora"}, loraLike{"lora", "adalora"};
    // One field per paragraph reads better than what clang-format would make of them.
    // clang-format off
    return {
        // Model and data
        {.path = "model.path", .section = Section::ModelAndData, .type = Type::Path,
         .label = QT_TR_NOOP("Base model"),
         .help = QT_TR_NOOP("The model to start from: a Hugging Face model folder, a GGUF file, or the name or id of a "
                            "model in your library. Training never changes it; the result is saved as a new model or "
                            "adapter."),
         .required = true},
        {.path = "dataset.path", .section = Section::ModelAndData, .type = Type::Path,
         .label = QT_TR_NOOP("Training data"),
         .help = QT_TR_NOOP("Your examples: a .txt, .jsonl, .json, .csv or .tsv file, or a folder of .txt files. The "
                            "layout and the kind of rows are detected unless you set them below."),
         .required = true},
        {.path = "dataset.format", .section = Section::ModelAndData, .type = Type::Choice,
         .label = QT_TR_NOOP("File layout"),
         .help = QT_TR_NOOP("How the file is laid out. Automatic goes by the file's extension; set it when the "
                            "extension is misleading, such as a .txt file that holds JSON lines."),
         .defaultValue = "auto",
         .choices = {{"auto", QT_TR_NOOP("Automatic (from the extension)")},
                     {"text", QT_TR_NOOP("Plain text")},
                     {"jsonl", QT_TR_NOOP("JSON lines")},
                     {"json", QT_TR_NOOP("JSON array")},
                     {"csv", "CSV"},
                     {"tsv", "TSV"}}},
        {.path = "dataset.kind", .section = Section::ModelAndData, .type = Type::Choice,
         .label = QT_TR_NOOP("Kind of rows"),
         .help = QT_TR_NOOP("What each row means: plain text to continue, instructions with answers (Alpaca), chat "
                            "conversations (OpenAI messages or ShareGPT), or a text with its label (classification). "
                            "Automatic looks at the first good row."),
         .defaultValue = "auto",
         .choices = {{"auto", QT_TR_NOOP("Automatic (from the first row)")},
                     {"text", QT_TR_NOOP("Plain text")},
                     {"alpaca", QT_TR_NOOP("Instructions (Alpaca)")},
                     {"openai", QT_TR_NOOP("Chat (OpenAI messages)")},
                     {"sharegpt", QT_TR_NOOP("Chat (ShareGPT)")},
                     {"classification", QT_TR_NOOP("Texts with labels")}}},
        {.path = "dataset.fields.text", .section = Section::ModelAndData, .type = Type::Text,
         .label = QT_TR_NOOP("Text column"),
         .help = QT_TR_NOOP("The column or JSON field that holds the text. Change it when your file calls it "
                            "something else, such as \"sentence\"."),
         .defaultValue = "text"},
        {.path = "dataset.fields.label", .section = Section::ModelAndData, .type = Type::Text,
         .label = QT_TR_NOOP("Label column"),
         .help = QT_TR_NOOP("Classification only: the column or field that holds each example's label, such as "
                            "\"topic\" or \"sentiment\"."),
         .defaultValue = "label"},
        {.path = "dataset.bad_rows", .section = Section::ModelAndData, .type = Type::Choice,
         .label = QT_TR_NOOP("Unreadable rows"),
         .help = QT_TR_NOOP("What to do with rows that cannot be read, such as a broken line or a missing field. "
                            "Stopping lists them all, so no data is lost without you knowing; skipping leaves them "
                            "out and counts them."),
         .defaultValue = "abort",
         .choices = {{"abort", QT_TR_NOOP("Stop and list them")}, {"skip", QT_TR_NOOP("Skip and count them")}}},
        {.path = "dataset.mask_private_data", .section = Section::ModelAndData, .type = Type::Bool,
         .label = QT_TR_NOOP("Mask private data"),
         .help = QT_TR_NOOP("Replaces e-mail addresses, phone, card and ID numbers in the examples with [EMAIL], "
                            "[PHONE], [CARD] and [ID] as they are read, so the model never learns them. Your file is "
                            "not changed."),
         .defaultValue = false},

        // Task
        {.path = "task.kind", .section = Section::Task, .type = Type::Choice,
         .label = QT_TR_NOOP("Task"),
         .help = QT_TR_NOOP("Generating text teaches the model to continue text or answer instructions; classifying "
                            "teaches it to pick one label per text. Classifying needs data with a label column."),
         .defaultValue = "causal_lm",
         .choices = {{"causal_lm", QT_TR_NOOP("Generate text (causal language model)")},
                     {"classification", QT_TR_NOOP("Classify texts")}}},

        // Method
        {.path = "method.kind", .section = Section::Method, .type = Type::Choice,
         .label = QT_TR_NOOP("Method"),
         .help = QT_TR_NOOP("How much of the model is trained. Full fine-tuning changes every weight: the most "
                            "memory, often the best result. LoRA trains small add-on matrices: far less memory, "
                            "usually nearly as good, and the result is a small adapter. The others are lighter "
                            "variants. When unsure, pick LoRA."),
         .defaultValue = "full",
         .choices = {{"full", QT_TR_NOOP("Full fine-tuning")},
                     {"freeze", QT_TR_NOOP("Full, with some layers frozen")},
                     {"bitfit", QT_TR_NOOP("BitFit (biases only)")},
                     {"lora", "LoRA"},
                     {"adalora", "AdaLoRA"},
                     {"adapter", QT_TR_NOOP("Bottleneck adapters")},
                     {"prefix", QT_TR_NOOP("Prefix tuning")},
                     {"prompt", QT_TR_NOOP("Prompt tuning")}}},
        {.path = "method.layers", .section = Section::Method, .type = Type::Int,
         .label = QT_TR_NOOP("Frozen layers"),
         .help = QT_TR_NOOP("How many of the first layers keep their weights. Freezing the lower layers saves memory "
                            "and protects what the model already knows; a common choice is half of the layers. Give "
                            "this, the frozen parts, or both."),
         .defaultValue = 0, .minimum = 0, .maximum = 100000, .methodKinds = {"freeze"}},
        {.path = "method.modules", .section = Section::Method, .type = Type::TextList,
         .label = QT_TR_NOOP("Frozen parts"),
         .help = QT_TR_NOOP("Parts of the model that keep their weights, separated by commas: \"embeddings\", "
                            "\"lm_head\", or any part of a weight's name, such as \"self_attn\"."),
         .methodKinds = {"freeze"}},
        {.path = "method.rank", .section = Section::Method, .type = Type::Int,
         .label = QT_TR_NOOP("Rank"),
         .help = QT_TR_NOOP("The size of LoRA's add-on matrices. Higher learns more but uses more memory and can "
                            "overfit small data. Typical: 8 or 16; 4 for tiny datasets, 32 to 64 for hard tasks."),
         .defaultValue = 8, .minimum = 1, .maximum = 4096, .methodKinds = lora},
        {.path = "method.init_rank", .section = Section::Method, .type = Type::Int,
         .label = QT_TR_NOOP("Starting rank"),
         .help = QT_TR_NOOP("AdaLoRA gives every layer this rank at first, then moves the budget to the layers that "
                            "matter most. Typical: one and a half times the target rank."),
         .defaultValue = 12, .minimum = 1, .maximum = 4096, .methodKinds = adalora},
        {.path = "method.target_rank", .section = Section::Method, .type = Type::Int,
         .label = QT_TR_NOOP("Target rank"),
         .help = QT_TR_NOOP("The average rank per layer that AdaLoRA ends with; not above the starting rank. "
                            "Typical: 8."),
         .defaultValue = 8, .minimum = 1, .maximum = 4096, .methodKinds = adalora},
        {.path = "method.alpha", .section = Section::Method, .type = Type::Float,
         .label = QT_TR_NOOP("Alpha (strength)"),
         .help = QT_TR_NOOP("How strongly the adapter's update is applied: it is scaled by alpha divided by the rank. "
                            "A common choice is twice the rank."),
         .defaultNote = QT_TR_NOOP("the rank for LoRA, 8 for AdaLoRA"), .minimum = 1e-6, .maximum = 1e6,
         .methodKinds = loraLike},
        {.path = "method.dropout", .section = Section::Method, .type = Type::Float,
         .label = QT_TR_NOOP("Adapter dropout"),
         .help = QT_TR_NOOP("Randomly leaves out part of the adapter's input while training, against overfitting. "
                            "0.05 to 0.1 helps on small datasets; 0 on large ones."),
         .defaultValue = 0.0, .minimum = 0.0, .maximum = 0.99, .methodKinds = loraLike},
        {.path = "method.target_modules", .section = Section::Method, .type = Type::TextList,
         .label = QT_TR_NOOP("Target modules"),
         .help = QT_TR_NOOP("Which kinds of layer get an adapter, separated by commas (such as \"q_proj, v_proj\"), "
                            "or \"all-linear\" for all of them. Empty: the usual attention layers of the model's "
                            "family. More modules learn more and use more memory."),
         .defaultNote = QT_TR_NOOP("the usual attention layers"), .methodKinds = loraLike},
        {.path = "method.layers_to_transform", .section = Section::Method, .type = Type::IntList,
         .label = QT_TR_NOOP("Only these layers"),
         .help = QT_TR_NOOP("The numbers of the layers whose target modules get an adapter, separated by commas "
                            "(the first layer is 0). Empty: every layer. The upper layers alone often learn a style "
                            "with less memory."),
         .defaultNote = QT_TR_NOOP("every layer"), .minimum = 0, .maximum = 100000, .methodKinds = loraLike},
        {.path = "method.rslora", .section = Section::Method, .type = Type::Bool,
         .label = QT_TR_NOOP("Rank-stabilised scaling"),
         .help = QT_TR_NOOP("Scales the update by alpha divided by the square root of the rank (rsLoRA), which keeps "
                            "high ranks learning well. Turn it on with a rank of 32 or more."),
         .defaultValue = false, .methodKinds = lora},
        {.path = "method.tinit", .section = Section::Method, .type = Type::Int,
         .label = QT_TR_NOOP("Steps before reallocating"),
         .help = QT_TR_NOOP("Steps of plain training before AdaLoRA starts moving rank between layers. Typical: 5 to "
                            "10% of all steps."),
         .defaultValue = 0, .minimum = 0, .maximum = kMaxMethodSteps, .methodKinds = adalora},
        {.path = "method.tfinal", .section = Section::Method, .type = Type::Int,
         .label = QT_TR_NOOP("Final steps at a fixed rank"),
         .help = QT_TR_NOOP("The last steps, during which the rank budget no longer changes. Typical: 10 to 20% of "
                            "all steps."),
         .defaultValue = 0, .minimum = 0, .maximum = kMaxMethodSteps, .methodKinds = adalora},
        {.path = "method.delta_t", .section = Section::Method, .type = Type::Int,
         .label = QT_TR_NOOP("Steps between reallocations"),
         .help = QT_TR_NOOP("How often AdaLoRA decides again which layers get rank. Typical: 1 to 10."),
         .defaultValue = 1, .minimum = 1, .maximum = kMaxMethodSteps, .methodKinds = adalora},
        {.path = "method.beta1", .section = Section::Method, .type = Type::Float,
         .label = QT_TR_NOOP("Importance smoothing"),
         .help = QT_TR_NOOP("How slowly AdaLoRA's estimate of each weight's importance changes (a moving average). "
                            "The default rarely needs changing."),
         .defaultValue = 0.85, .minimum = 0.0, .maximum = 0.999999, .methodKinds = adalora},
        {.path = "method.beta2", .section = Section::Method, .type = Type::Float,
         .label = QT_TR_NOOP("Uncertainty smoothing"),
         .help = QT_TR_NOOP("The same smoothing for how uncertain that estimate is. The default rarely needs "
                            "changing."),
         .defaultValue = 0.85, .minimum = 0.0, .maximum = 0.999999, .methodKinds = adalora},
        {.path = "method.orth_reg_weight", .section = Section::Method, .type = Type::Float,
         .label = QT_TR_NOOP("Orthogonality weight"),
         .help = QT_TR_NOOP("Keeps AdaLoRA's matrices close to orthogonal, which makes taking rank away safe. The "
                            "default rarely needs changing."),
         .defaultValue = 0.5, .minimum = 0.0, .maximum = 1e6, .methodKinds = adalora},
        {.path = "method.size", .section = Section::Method, .type = Type::Int,
         .label = QT_TR_NOOP("Bottleneck size"),
         .help = QT_TR_NOOP("The width of each adapter's bottleneck. Larger learns more and uses more memory. "
                            "Typical: 16 to 128."),
         .defaultValue = 64, .minimum = 1, .maximum = 65536, .methodKinds = {"adapter"}},
        {.path = "method.activation", .section = Section::Method, .type = Type::Choice,
         .label = QT_TR_NOOP("Activation"),
         .help = QT_TR_NOOP("The non-linearity inside each adapter. ReLU is the classic choice; GELU or SiLU match "
                            "most modern models."),
         .defaultValue = "relu", .choices = {{"relu", "ReLU"}, {"gelu", "GELU"}, {"tanh", "tanh"}, {"silu", "SiLU"}},
         .methodKinds = {"adapter"}},
        {.path = "method.virtual_tokens", .section = Section::Method, .type = Type::Int,
         .label = QT_TR_NOOP("Virtual tokens"),
         .help = QT_TR_NOOP("How many trained tokens are put before every input. More can learn more but leave less "
                            "room for your text. Typical: 10 to 30 for prompt tuning, 10 to 50 for prefix tuning."),
         .defaultValue = 20, .minimum = 1, .maximum = 4096, .methodKinds = {"prefix", "prompt"}},
        {.path = "method.projection", .section = Section::Method, .type = Type::Bool,
         .label = QT_TR_NOOP("Train through a small network"),
         .help = QT_TR_NOOP("Trains the prefix through a small network, as the original paper does: often steadier, "
                            "at the cost of more memory while training."),
         .defaultValue = false, .methodKinds = {"prefix"}},
        {.path = "method.encoder_hidden", .section = Section::Method, .type = Type::Int,
         .label = QT_TR_NOOP("Network width"),
         .help = QT_TR_NOOP("The hidden width of that small network; used only when it is on. Typical: 512."),
         .defaultValue = 512, .minimum = 1, .maximum = 65536, .methodKinds = {"prefix"}},
        {.path = "method.init", .section = Section::Method, .type = Type::Choice,
         .label = QT_TR_NOOP("Starting point"),
         .help = QT_TR_NOOP("How the virtual tokens start: random, or as the words of a text that describes the task, "
                            "which often trains faster."),
         .defaultValue = "random",
         .choices = {{"random", QT_TR_NOOP("Random")}, {"text", QT_TR_NOOP("From a text")}},
         .methodKinds = {"prompt"}},
        {.path = "method.init_text", .section = Section::Method, .type = Type::Text,
         .label = QT_TR_NOOP("Starting text"),
         .help = QT_TR_NOOP("The text the virtual tokens start from when they start from a text, such as \"Classify "
                            "the topic of this question:\"."),
         .methodKinds = {"prompt"}},
        {.path = "method.init_token_ids", .section = Section::Method, .type = Type::IntList,
         .label = QT_TR_NOOP("Starting token ids"),
         .help = QT_TR_NOOP("Instead of a text, the token ids to start from, separated by commas. Rarely needed: the "
                            "starting text is turned into tokens for you."),
         .methodKinds = {"prompt"}},

        // Optimizer
        {.path = "optimizer.name", .section = Section::Optimizer, .type = Type::Choice,
         .label = QT_TR_NOOP("Optimizer"),
         .help = QT_TR_NOOP("The rule that turns what the model got wrong into weight changes. AdamW is the safe "
                            "choice for fine-tuning language models; SGD needs a higher learning rate and usually "
                            "momentum."),
         .defaultValue = "adamw",
         .choices = {{"sgd", "SGD"}, {"adam", "Adam"}, {"adamw", "AdamW"}, {"adagrad", "Adagrad"},
                     {"rmsprop", "RMSprop"}}},
        {.path = "optimizer.lr", .section = Section::Optimizer, .type = Type::Float,
         .label = QT_TR_NOOP("Learning rate"),
         .help = QT_TR_NOOP("How big a step the model takes per update. Too high and the loss jumps or becomes NaN; "
                            "too low and it learns slowly. LoRA: 1e-4 to 3e-4; full fine-tuning: 1e-5 to 5e-5."),
         .defaultNote = QT_TR_NOOP("2e-4 for LoRA, AdaLoRA, adapters and prefixes; 3e-3 for prompts; 5e-5 otherwise"),
         .minimum = 0.0, .maximum = 10.0, .minimumExclusive = true},
        {.path = "optimizer.weight_decay", .section = Section::Optimizer, .type = Type::Float,
         .label = QT_TR_NOOP("Weight decay"),
         .help = QT_TR_NOOP("Pulls the weights gently towards zero at every step, against overfitting. Typical: 0.01 "
                            "with AdamW; 0 is fine for LoRA."),
         .defaultValue = 0.0, .minimum = 0.0, .maximum = 10.0},
        {.path = "optimizer.betas", .section = Section::Optimizer, .type = Type::NumberList,
         .label = QT_TR_NOOP("Adam betas"),
         .help = QT_TR_NOOP("Adam and AdamW only: how much the optimizer averages past updates (first number) and "
                            "their sizes (second), both below 1. 0.9, 0.999 suits most runs; 0.9, 0.95 can steady a "
                            "large model."),
         .defaultValue = json::array({0.9, 0.999})},
        {.path = "optimizer.eps", .section = Section::Optimizer, .type = Type::Float,
         .label = QT_TR_NOOP("Epsilon"),
         .help = QT_TR_NOOP("A tiny number that keeps Adam, AdamW, Adagrad and RMSprop from dividing by zero. Leave "
                            "it unless the loss becomes NaN in bf16; then try 1e-6."),
         .defaultValue = 1e-8, .minimum = 0.0, .maximum = 1.0, .minimumExclusive = true},
        {.path = "optimizer.momentum", .section = Section::Optimizer, .type = Type::Float,
         .label = QT_TR_NOOP("Momentum"),
         .help = QT_TR_NOOP("SGD and RMSprop only: keeps part of the previous update, which smooths and speeds up "
                            "training. Typical with SGD: 0.9."),
         .defaultValue = 0.0, .minimum = 0.0, .maximum = 0.999999},
        {.path = "optimizer.nesterov", .section = Section::Optimizer, .type = Type::Bool,
         .label = QT_TR_NOOP("Nesterov momentum"),
         .help = QT_TR_NOOP("SGD with momentum only: a look-ahead form of momentum that often gets there a little "
                            "faster."),
         .defaultValue = false},
        {.path = "training.max_grad_norm", .section = Section::Optimizer, .type = Type::Float,
         .label = QT_TR_NOOP("Gradient clipping"),
         .help = QT_TR_NOOP("Scales down updates that would be larger than this, so one odd batch cannot wreck the "
                            "model. 1.0 is the usual value; 0 turns clipping off."),
         .defaultValue = 1.0, .minimum = 0.0, .maximum = 1e6},

        // Schedule
        {.path = "schedule.name", .section = Section::Schedule, .type = Type::Choice,
         .label = QT_TR_NOOP("Learning rate schedule"),
         .help = QT_TR_NOOP("How the learning rate changes after the warm-up: it stays flat, falls in a straight line "
                            "to zero, or falls along a cosine curve. Falling schedules usually end with a better "
                            "model."),
         .defaultValue = "linear",
         .choices = {{"constant", QT_TR_NOOP("Constant")},
                     {"linear", QT_TR_NOOP("Linear decay")},
                     {"cosine", QT_TR_NOOP("Cosine decay")}}},
        {.path = "schedule.warmup_steps", .section = Section::Schedule, .type = Type::Int,
         .label = QT_TR_NOOP("Warm-up steps"),
         .help = QT_TR_NOOP("Steps at the start during which the learning rate rises from zero, which avoids early "
                            "jumps in the loss. Give steps or a share, not both. Typical: 3 to 10% of all steps."),
         .defaultValue = 0, .minimum = 0, .maximum = kMaxCount, .omitAtDefault = true},
        {.path = "schedule.warmup_ratio", .section = Section::Schedule, .type = Type::Float,
         .label = QT_TR_NOOP("Warm-up share"),
         .help = QT_TR_NOOP("The warm-up as a share of all steps, such as 0.06 for 6%. Give this or warm-up steps, not "
                            "both."),
         .defaultValue = 0.0, .minimum = 0.0, .maximum = 0.99, .omitAtDefault = true},

        // Batch and length
        {.path = "task.max_seq_len", .section = Section::BatchAndLength, .type = Type::Int,
         .label = QT_TR_NOOP("Maximum length (tokens)"),
         .help = QT_TR_NOOP("Longer examples are cut to this many tokens. Longer needs much more memory: pick the "
                            "length of a typical example, such as 128 for short texts and 512 to 2048 for documents "
                            "or chats."),
         .defaultValue = 512, .minimum = 2, .maximum = 1048576},
        {.path = "training.epochs", .section = Section::BatchAndLength, .type = Type::Int,
         .label = QT_TR_NOOP("Epochs"),
         .help = QT_TR_NOOP("How many times training goes over all your examples. Typical: 1 to 3 for large "
                            "datasets, 3 to 10 for small ones; watch the validation loss for overfitting."),
         .defaultValue = 3, .minimum = 1, .maximum = 100000},
        {.path = "training.max_steps", .section = Section::BatchAndLength, .type = Type::Int,
         .label = QT_TR_NOOP("Maximum steps"),
         .help = QT_TR_NOOP("When above 0, training stops after this many updates, whatever the epochs say: handy for "
                            "quick tries and for sweeps. 0: the epochs decide."),
         .defaultValue = 0, .minimum = 0, .maximum = kMaxCount},
        {.path = "training.batch_size", .section = Section::BatchAndLength, .type = Type::Int,
         .label = QT_TR_NOOP("Batch size"),
         .help = QT_TR_NOOP("Examples processed together in one pass. Larger is faster per example but needs more "
                            "memory; if memory runs out, halve it and double the gradient accumulation."),
         .defaultValue = 8, .minimum = 1, .maximum = 65536},
        {.path = "training.grad_accumulation", .section = Section::BatchAndLength, .type = Type::Int,
         .label = QT_TR_NOOP("Gradient accumulation"),
         .help = QT_TR_NOOP("Batches added up before each update, so the effective batch is the batch size times "
                            "this, without the memory of a larger batch. Typical: 1 to 8."),
         .defaultValue = 1, .minimum = 1, .maximum = 65536},
        {.path = "training.seed", .section = Section::BatchAndLength, .type = Type::Int,
         .label = QT_TR_NOOP("Training seed"),
         .help = QT_TR_NOOP("Seeds the starting values of new weights, the order of the examples and dropout. On the "
                            "CPU the same recipe and seed give the same loss curve; change it to see how much results "
                            "vary."),
         .defaultValue = 42, .minimum = 0},

        // Evaluation and checkpoints
        {.path = "dataset.validation_fraction", .section = Section::Evaluation, .type = Type::Float,
         .label = QT_TR_NOOP("Validation share"),
         .help = QT_TR_NOOP("The share of your examples held back to measure progress on data the model does not "
                            "train on. Typical: 0.1; 0.2 for small datasets. Early stopping and sweeps need it above "
                            "0."),
         .defaultValue = 0.1, .minimum = 0.0, .maximum = 0.9},
        {.path = "dataset.seed", .section = Section::Evaluation, .type = Type::Int,
         .label = QT_TR_NOOP("Split seed"),
         .help = QT_TR_NOOP("Decides which examples are held back for validation. Keep it to compare runs on the same "
                            "split."),
         .defaultValue = 42, .minimum = 0},
        {.path = "training.eval_every", .section = Section::Evaluation, .type = Type::Int,
         .label = QT_TR_NOOP("Evaluate every (steps)"),
         .help = QT_TR_NOOP("Measures the validation loss every this many steps, so overfitting shows while it "
                            "happens. 0: only at the end. Early stopping needs it above 0. Typical: 50 to 500."),
         .defaultValue = 0, .minimum = 0, .maximum = kMaxCount},
        {.path = "training.checkpoint_every", .section = Section::Evaluation, .type = Type::Int,
         .label = QT_TR_NOOP("Save a checkpoint every (steps)"),
         .help = QT_TR_NOOP("Saves the training state every this many steps, so a crash or a pause loses little. 0: "
                            "only when you pause or cancel."),
         .defaultValue = 200, .minimum = 0, .maximum = kMaxCount},
        {.path = "training.keep_checkpoints", .section = Section::Evaluation, .type = Type::Int,
         .label = QT_TR_NOOP("Checkpoints kept"),
         .help = QT_TR_NOOP("How many of the newest checkpoints stay on disk; older ones are deleted to save space."),
         .defaultValue = 2, .minimum = 1, .maximum = 1000},

        // Early stopping
        {.path = "training.early_stopping", .section = Section::EarlyStopping, .type = Type::Optional,
         .label = QT_TR_NOOP("Stop early"),
         .help = QT_TR_NOOP("Stops the run when the validation result has not improved for a while, which saves time "
                            "and avoids overfitting. Needs a validation share above 0 and evaluations during "
                            "training.")},
        {.path = "training.early_stopping.metric", .section = Section::EarlyStopping, .type = Type::Choice,
         .label = QT_TR_NOOP("Watched result"),
         .help = QT_TR_NOOP("The measure that must keep improving. Accuracy and macro F1 need a classification task; "
                            "macro F1 is the better judge when some labels are rare."),
         .defaultValue = "eval_loss",
         .choices = {{"eval_loss", QT_TR_NOOP("Validation loss")},
                     {"perplexity", QT_TR_NOOP("Perplexity")},
                     {"accuracy", QT_TR_NOOP("Accuracy")},
                     {"macro_f1", QT_TR_NOOP("Macro F1")}},
         .parent = "training.early_stopping"},
        {.path = "training.early_stopping.patience", .section = Section::EarlyStopping, .type = Type::Int,
         .label = QT_TR_NOOP("Patience (evaluations)"),
         .help = QT_TR_NOOP("How many evaluations in a row without improvement before the run stops. Typical: 3 to "
                            "5."),
         .defaultValue = 3, .minimum = 1, .maximum = 100000, .parent = "training.early_stopping"},
        {.path = "training.early_stopping.mode", .section = Section::EarlyStopping, .type = Type::Choice,
         .label = QT_TR_NOOP("Better is"),
         .help = QT_TR_NOOP("Whether lower or higher values are better. Automatic knows: losses go down, scores go "
                            "up."),
         .defaultValue = "auto",
         .choices = {{"auto", QT_TR_NOOP("Automatic")},
                     {"min", QT_TR_NOOP("Lower")},
                     {"max", QT_TR_NOOP("Higher")}},
         .parent = "training.early_stopping"},

        // Regularisation
        {.path = "training.dropout", .section = Section::Regularisation, .type = Type::Float,
         .label = QT_TR_NOOP("Dropout"),
         .help = QT_TR_NOOP("Randomly switches off parts of the model while training, against overfitting. Typical: "
                            "0.1 for small datasets, 0 (none) for large ones."),
         .defaultValue = 0.0, .minimum = 0.0, .maximum = 0.9, .omitAtDefault = true},
        {.path = "training.fgm", .section = Section::Regularisation, .type = Type::Optional,
         .label = QT_TR_NOOP("Adversarial training (FGM)"),
         .help = QT_TR_NOOP("Trains every batch a second time with slightly disturbed word embeddings, which makes the "
                            "model more robust. About doubles the time per step.")},
        {.path = "training.fgm.epsilon", .section = Section::Regularisation, .type = Type::Float,
         .label = QT_TR_NOOP("Disturbance size"),
         .help = QT_TR_NOOP("How far the embeddings are pushed. Typical: 0.5 to 1."),
         .defaultValue = 1.0, .minimum = 0.0, .maximum = 1000.0, .minimumExclusive = true,
         .parent = "training.fgm"},
        {.path = "dataset.augmentation", .section = Section::Regularisation, .type = Type::Optional,
         .label = QT_TR_NOOP("Text augmentation"),
         .help = QT_TR_NOOP("Adds altered copies of each training example (words deleted, swapped or replaced by "
                            "synonyms), against overfitting on a small dataset. Plain text and classification data "
                            "only.")},
        {.path = "dataset.augmentation.copies", .section = Section::Regularisation, .type = Type::Int,
         .label = QT_TR_NOOP("Copies per example"),
         .help = QT_TR_NOOP("How many altered copies are added per training example. Typical: 1 to 4."),
         .defaultValue = 1, .minimum = 1, .maximum = 16, .parent = "dataset.augmentation"},
        {.path = "dataset.augmentation.deletion", .section = Section::Regularisation, .type = Type::Float,
         .label = QT_TR_NOOP("Word deletion"),
         .help = QT_TR_NOOP("The chance that each word of a copy is left out. Typical: 0.1."),
         .defaultValue = 0.1, .minimum = 0.0, .maximum = 0.9, .parent = "dataset.augmentation"},
        {.path = "dataset.augmentation.swaps", .section = Section::Regularisation, .type = Type::Int,
         .label = QT_TR_NOOP("Word swaps"),
         .help = QT_TR_NOOP("How many pairs of words change places in each copy. Typical: 1 or 2."),
         .defaultValue = 1, .minimum = 0, .maximum = 64, .parent = "dataset.augmentation"},
        {.path = "dataset.augmentation.synonyms", .section = Section::Regularisation, .type = Type::Path,
         .label = QT_TR_NOOP("Synonym file"),
         .help = QT_TR_NOOP("Optional: a text file of interchangeable words, one group per line separated by commas, "
                            "such as \"big, large, huge\"."),
         .parent = "dataset.augmentation", .pathKind = PathKind::File},
        {.path = "dataset.augmentation.synonym_rate", .section = Section::Regularisation, .type = Type::Float,
         .label = QT_TR_NOOP("Synonym rate"),
         .help = QT_TR_NOOP("The chance that a word with a synonym is replaced by one. Needs a synonym file. Typical: "
                            "0.1 to 0.2."),
         .defaultValue = 0.1, .minimum = 0.0, .maximum = 1.0, .minimumExclusive = true,
         .parent = "dataset.augmentation", .omitAtDefault = true},
        {.path = "dataset.augmentation.seed", .section = Section::Regularisation, .type = Type::Int,
         .label = QT_TR_NOOP("Augmentation seed"),
         .help = QT_TR_NOOP("Seeds the random changes: the same seed gives the same copies."),
         .defaultValue = 42, .minimum = 0, .parent = "dataset.augmentation"},

        // Compute
        {.path = "training.device", .section = Section::Compute, .type = Type::Choice,
         .label = QT_TR_NOOP("Device"),
         .help = QT_TR_NOOP("Where the run computes. Automatic uses the first GPU when there is one, else the CPU. "
                            "Pick a GPU by number on a machine with several."),
         .defaultValue = "auto",
         .choices = {{"auto", QT_TR_NOOP("Automatic (a GPU when there is one)")},
                     {"cpu", QT_TR_NOOP("CPU")},
                     {"cuda", QT_TR_NOOP("GPU")},
                     {"cuda:0", QT_TR_NOOP("GPU 0")},
                     {"cuda:1", QT_TR_NOOP("GPU 1")},
                     {"cuda:2", QT_TR_NOOP("GPU 2")},
                     {"cuda:3", QT_TR_NOOP("GPU 3")}}},
        {.path = "training.precision", .section = Section::Compute, .type = Type::Choice,
         .label = QT_TR_NOOP("Precision"),
         .help = QT_TR_NOOP("The number format of the heavy sums. bf16 is faster and needs less memory on a modern "
                            "GPU, with nearly the same results; fp32 is exact, and the only way to repeat a run bit "
                            "for bit on a GPU."),
         .defaultValue = "auto",
         .choices = {{"auto", QT_TR_NOOP("Automatic (bf16 on a GPU, fp32 on the CPU)")},
                     {"fp32", QT_TR_NOOP("fp32 (exact)")},
                     {"bf16", QT_TR_NOOP("bf16 (faster, less memory)")}}},
        {.path = "training.activation_checkpointing", .section = Section::Compute, .type = Type::Bool,
         .label = QT_TR_NOOP("Recompute to save memory"),
         .help = QT_TR_NOOP("Activation checkpointing: keeps less in memory during training and recomputes it when "
                            "needed, for about a third more compute. Turn it on when a long maximum length does not "
                            "fit in memory."),
         .defaultValue = false},

        // Output
        {.path = "output.name", .section = Section::Output, .type = Type::Text,
         .label = QT_TR_NOOP("Name"),
         .help = QT_TR_NOOP("The name of the trained model or adapter in your library. Empty: the run picks one."),
         .defaultValue = ""},
        {.path = "output.merge", .section = Section::Output, .type = Type::Bool,
         .label = QT_TR_NOOP("Merge the adapter into the model"),
         .help = QT_TR_NOOP("Adapter methods only: folds the trained adapter into the base model and saves a whole "
                            "model, which is easier to share and serve but much larger."),
         .defaultValue = false},
        {.path = "output.register", .section = Section::Output, .type = Type::Bool,
         .label = QT_TR_NOOP("Add to the model library"),
         .help = QT_TR_NOOP("Adds the result to your model library when the run ends. Off: it stays in the run's "
                            "folder, as sweeps do with their trials."),
         .defaultValue = true},
    };
    // clang-format on
}

QString RecipeField::labelText() const
{
    return QCoreApplication::translate(kContext, label);
}

QString RecipeField::helpText() const
{
    return QCoreApplication::translate(kContext, help);
}

QString RecipeField::defaultText() const
{
    if (defaultNote)
        return QCoreApplication::translate(kContext, defaultNote);
    if (defaultValue.is_null() || (defaultValue.is_string() && defaultValue.get<std::string>().empty()))
        return {};
    if (type == RecipeFieldType::Choice) {
        for (std::size_t i = 0; i < choices.size(); ++i)
            if (defaultValue == choices[i].value)
                return choiceText(i);
    }
    if (type == RecipeFieldType::Bool)
        return defaultValue.get<bool>() ? RecipeFields::tr("on") : RecipeFields::tr("off");
    if (defaultValue.is_array()) {
        QStringList items;
        for (const auto &item : defaultValue)
            items << QString::fromStdString(item.dump());
        return items.join(QStringLiteral(", "));
    }
    if (defaultValue.is_string())
        return QString::fromStdString(defaultValue.get<std::string>());
    return QString::fromStdString(defaultValue.dump());
}

QString RecipeField::tooltipText() const
{
    QString tip =
        QStringLiteral("<p>%1</p><p><code>%2</code>").arg(helpText().toHtmlEscaped(), QString::fromLatin1(path));
    const QString fallback = defaultText();
    if (!fallback.isEmpty())
        tip += QStringLiteral(" · ") + RecipeFields::tr("default: %1").arg(fallback.toHtmlEscaped());
    return tip + QStringLiteral("</p>");
}

QString RecipeField::choiceText(std::size_t index) const
{
    const auto &choice = choices.at(index);
    return choice.label ? QCoreApplication::translate(kContext, choice.label) : QString::fromLatin1(choice.value);
}

bool RecipeField::appliesToMethod(std::string_view kind) const
{
    return methodKinds.empty() || std::find(methodKinds.begin(), methodKinds.end(), kind) != methodKinds.end();
}

bool RecipeField::isSweepable() const
{
    switch (type) {
    case RecipeFieldType::Int:
    case RecipeFieldType::Float:
    case RecipeFieldType::Bool:
    case RecipeFieldType::Choice:
        return true;
    default:
        return false;
    }
}

const std::vector<RecipeField> &RecipeFields::all()
{
    static const std::vector<RecipeField> fields = makeCatalog();
    return fields;
}

const RecipeField *RecipeFields::find(std::string_view path)
{
    for (const auto &field : all())
        if (path == field.path)
            return &field;
    return nullptr;
}

QList<RecipeSection> RecipeFields::sections()
{
    return {Section::ModelAndData,   Section::Task,           Section::Method,     Section::Optimizer,
            Section::Schedule,       Section::BatchAndLength, Section::Evaluation, Section::EarlyStopping,
            Section::Regularisation, Section::Compute,        Section::Output};
}

QString RecipeFields::sectionTitle(RecipeSection section)
{
    switch (section) {
    case Section::ModelAndData:
        return tr("Model and data");
    case Section::Task:
        return tr("Task");
    case Section::Method:
        return tr("Method");
    case Section::Optimizer:
        return tr("Optimizer");
    case Section::Schedule:
        return tr("Schedule");
    case Section::BatchAndLength:
        return tr("Batch and length");
    case Section::Evaluation:
        return tr("Evaluation and checkpoints");
    case Section::EarlyStopping:
        return tr("Early stopping");
    case Section::Regularisation:
        return tr("Regularisation");
    case Section::Compute:
        return tr("Compute");
    case Section::Output:
        return tr("Output");
    }
    return {};
}

const RecipeField *RecipeFields::fieldAt(std::string_view where)
{
    const RecipeField *best = nullptr;
    for (const auto &field : all())
        if (pathContains(field.path, where) &&
            (!best || std::string_view(field.path).size() > std::string_view(best->path).size()))
            best = &field;
    return best;
}

std::vector<std::string> RecipeFields::methodKinds()
{
    std::vector<std::string> kinds;
    for (const auto &choice : find("method.kind")->choices)
        kinds.emplace_back(choice.value);
    return kinds;
}

std::optional<std::string> RecipeFields::problemWith(const RecipeField &field, const nlohmann::json &value)
{
    switch (field.type) {
    case RecipeFieldType::Int:
        return numberProblem(field, value, true);
    case RecipeFieldType::Float:
        return numberProblem(field, value, false);
    case RecipeFieldType::Bool:
        if (!value.is_boolean())
            return std::string("must be true or false");
        return std::nullopt;
    case RecipeFieldType::Choice: {
        std::string list;
        for (const auto &choice : field.choices) {
            if (value.is_string() && value.get<std::string>() == choice.value)
                return std::nullopt;
            list += (list.empty() ? "" : ", ") + std::string(choice.value);
        }
        return "must be one of " + list + ", not " + value.dump();
    }
    case RecipeFieldType::Text:
    case RecipeFieldType::Path:
        if (!value.is_string())
            return std::string("must be a string");
        return std::nullopt;
    case RecipeFieldType::TextList:
        if (value.is_string())
            return std::nullopt;
        if (!value.is_array())
            return std::string("must be a list of names such as [\"q_proj\", \"v_proj\"]");
        for (const auto &item : value)
            if (!item.is_string() || item.get<std::string>().empty())
                return std::string("must hold non-empty names");
        return std::nullopt;
    case RecipeFieldType::NumberList:
    case RecipeFieldType::IntList:
        if (!value.is_array())
            return std::string("must be a list of numbers");
        for (const auto &item : value) {
            if (field.type == RecipeFieldType::IntList ? !item.is_number_integer() : !item.is_number())
                return std::string(field.type == RecipeFieldType::IntList ? "must hold whole numbers"
                                                                          : "must hold numbers");
            if (field.minimum && item.get<double>() < *field.minimum)
                return "must hold numbers from " + integerText(*field.minimum);
        }
        return std::nullopt;
    case RecipeFieldType::Optional:
        if (!value.is_null() && !value.is_object())
            return std::string("must be an object");
        return std::nullopt;
    }
    return std::nullopt;
}

void RecipeFields::checkMethodOptions(const nlohmann::json &method)
{
    const auto fail = [](const std::string &key, const std::string &detail) {
        throw Error(ErrorKind::InvalidInput, "method." + key, detail);
    };
    if (!method.is_object() || !method.contains("kind") || !method["kind"].is_string())
        fail("kind", "is required: one of full, freeze, bitfit, lora, adalora, adapter, prefix, prompt");
    const auto kind = method["kind"].get<std::string>();
    const auto kinds = methodKinds();
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
        fail("kind", "unknown method \"" + kind +
                         "\"; use one of full, freeze, bitfit, lora, adalora, adapter, prefix, prompt");
    for (const auto &[key, value] : method.items()) {
        const auto *field = find("method." + key);
        if (key == "kind" || !field || value.is_null())
            continue; // an option the catalog does not know yet is the engine's to judge
        if (!field->appliesToMethod(kind))
            fail(key, "is not an option of method \"" + kind + "\"; check the spelling");
        if (const auto problem = problemWith(*field, value))
            fail(key, *problem);
    }
    // The rules that tie options together, as methodfactory.cpp has them.
    const auto number = [&](const char *key, double fallback) {
        return method.contains(key) && method[key].is_number() ? method[key].get<double>() : fallback;
    };
    const auto present = [&](const char *key) {
        if (!method.contains(key) || method[key].is_null())
            return false;
        const auto &value = method[key];
        return !(value.is_array() && value.empty()) && !(value.is_string() && value.get<std::string>().empty());
    };
    if (kind == "freeze" && number("layers", 0) == 0 && !present("modules"))
        fail("layers", "freeze needs \"layers\" (how many of the first layers to freeze) and/or \"modules\" "
                       "(e.g. [\"embeddings\"])");
    if (kind == "adalora" && number("target_rank", 8) > number("init_rank", 12))
        fail("target_rank",
             "must not exceed init_rank (" + integerText(number("init_rank", 12)) + "): AdaLoRA only prunes");
    if (kind == "prompt") {
        const bool fromText = method.contains("init") && method["init"] == "text";
        const bool hasText = present("init_text") || present("init_token_ids");
        if (fromText && !hasText)
            fail("init_text", "init \"text\" needs init_text (the text to start from)");
        if (!fromText && hasText)
            fail("init_text", "is only used with \"init\": \"text\"");
    }
}

} // namespace llmos

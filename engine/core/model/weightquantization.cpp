#include "model/weightquantization.h"

#include "util/error.h"

#include <nlohmann/json.hpp>

namespace llmos {

namespace {

constexpr const char *kMethod = "compressed-tensors";
constexpr const char *kInt8Format = "int-quantized";
constexpr const char *kInt4Format = "pack-quantized";

// The names an "ignore" entry may give the LM head: the module name or a regex for it.
bool namesTheHead(const std::string &entry)
{
    return entry == "lm_head" || entry == "re:.*lm_head" || entry == "re:lm_head";
}

} // namespace

std::string WeightQuantization::describe() const
{
    return bits == 4 ? "4-bit, groups of " + std::to_string(group) : std::string("int8 per channel");
}

std::optional<WeightQuantization> readQuantizationConfig(const nlohmann::json &config, const std::string &sourceName)
{
    const auto found = config.find("quantization_config");
    if (found == config.end() || found->is_null())
        return std::nullopt;
    const auto where = sourceName + ": quantization_config";
    const auto &q = *found;
    if (!q.is_object())
        throw Error(ErrorKind::Format, where, "must be an object");
    const auto method = q.value("quant_method", std::string());
    const auto unsupported = [&](const std::string &what) {
        throw Error(ErrorKind::Unsupported, where,
                    what + " is not supported; llmos runs fp32/fp16/bf16 weights and int8 or 4-bit weight-only "
                           "compressed-tensors models (what `llmos quantize` makes)");
    };
    if (method != kMethod)
        unsupported("quant_method \"" + method + "\"");
    const auto format = q.value("format", std::string());
    if (format != kInt8Format && format != kInt4Format)
        unsupported("format \"" + format + "\"");
    const auto groups = q.find("config_groups");
    if (groups == q.end() || !groups->is_object() || groups->size() != 1)
        unsupported("anything but one config group");
    const auto &group = groups->begin().value();
    if (const auto a = group.find("input_activations"); a != group.end() && !a->is_null())
        unsupported("activation quantization");
    const auto w = group.find("weights");
    if (w == group.end() || !w->is_object())
        throw Error(ErrorKind::Format, where, "its config group has no \"weights\" scheme");
    WeightQuantization scheme;
    const auto bits = w->value("num_bits", 0);
    const auto strategy = w->value("strategy", std::string());
    if (w->value("type", std::string()) != "int" || !w->value("symmetric", false) || w->value("dynamic", false))
        unsupported("a weight scheme other than symmetric static integers");
    if (bits == 8 && format == kInt8Format && strategy == "channel") {
        scheme.bits = 8;
    } else if (bits == 4 && format == kInt4Format && strategy == "group") {
        scheme.bits = 4;
        const auto size = w->find("group_size");
        if (size == w->end() || !size->is_number_integer() || size->get<std::int64_t>() <= 0 ||
            size->get<std::int64_t>() % 32 != 0 || size->get<std::int64_t>() > (1 << 20))
            throw Error(ErrorKind::Format, where, "4-bit groups need a group_size that is a multiple of 32");
        scheme.group = size->get<std::int64_t>();
    } else {
        unsupported(std::to_string(bits) + "-bit weights with strategy \"" + strategy + "\" in format \"" + format + "\"");
    }
    if (const auto ignore = q.find("ignore"); ignore != q.end() && !ignore->is_null()) {
        if (!ignore->is_array())
            throw Error(ErrorKind::Format, where, "\"ignore\" must be a list of module names");
        for (const auto &entry : *ignore) {
            if (!entry.is_string() || !namesTheHead(entry.get<std::string>()))
                unsupported("leaving " + entry.dump() + " unquantized");
            scheme.quantizedHead = false;
        }
    }
    return scheme;
}

nlohmann::json quantizationConfigJson(const WeightQuantization &scheme)
{
    const bool packed = scheme.bits == 4;
    nlohmann::json weights = {{"num_bits", scheme.bits}, {"type", "int"}, {"symmetric", true},
                              {"strategy", packed ? "group" : "channel"}, {"dynamic", false}, {"observer", "minmax"},
                              {"group_size", packed ? nlohmann::json(scheme.group) : nlohmann::json()}};
    return {{"quant_method", kMethod},
            {"format", packed ? kInt4Format : kInt8Format},
            {"quantization_status", "compressed"},
            {"config_groups",
             {{"group_0",
               {{"targets", {"Linear"}}, {"weights", weights}, {"input_activations", nullptr},
                {"output_activations", nullptr}}}}},
            {"ignore", scheme.quantizedHead ? nlohmann::json::array() : nlohmann::json::array({"lm_head"})}};
}

} // namespace llmos

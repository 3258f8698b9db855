#include "training/trainingoptimizer.h"

#include "util/error.h"

namespace llmos {

namespace {

std::vector<torch::Tensor> tensorsOf(const NamedTensors &parameters)
{
    std::vector<torch::Tensor> tensors;
    tensors.reserve(parameters.size());
    for (const auto &[name, tensor] : parameters)
        tensors.push_back(tensor);
    return tensors;
}

// torch::optim keys its state by the parameter's TensorImpl address.
std::string stateKey(const torch::Tensor &parameter)
{
    return c10::guts::to_string(parameter.unsafeGetTensorImpl());
}

torch::Tensor stepTensor(std::int64_t step)
{
    return torch::tensor({step}, torch::kInt64);
}

// Reads the tensors of one parameter's state back.
class StateReader {
public:
    StateReader(const std::map<std::string, torch::Tensor> &state, std::string prefix, const torch::Tensor &parameter)
        : m_state(state), m_prefix(std::move(prefix)), m_parameter(parameter) {}

    bool present() const { return m_state.lower_bound(m_prefix + "/") != m_state.end()
                                  && m_state.lower_bound(m_prefix + "/")->first.starts_with(m_prefix + "/"); }
    bool has(const std::string &field) const { return m_state.contains(m_prefix + "/" + field); }

    // A moment tensor shaped like the parameter, copied so the optimizer owns it.
    torch::Tensor like(const std::string &field) const
    {
        const auto &tensor = at(field);
        if (tensor.sizes() != m_parameter.sizes() || tensor.scalar_type() != m_parameter.scalar_type())
            throw Error(ErrorKind::Format, "optimizer state: " + m_prefix + "/" + field,
                        "shape or dtype differs from the parameter's; the checkpoint belongs to another model");
        // A copy the optimizer owns, where the parameter lives (checkpoints hold CPU tensors).
        return tensor.to(m_parameter.device(), tensor.scalar_type(), /*non_blocking=*/false, /*copy=*/true);
    }
    std::int64_t step(const std::string &field = "step") const
    {
        const auto &tensor = at(field);
        if (tensor.numel() != 1 || tensor.scalar_type() != torch::kInt64)
            throw Error(ErrorKind::Format, "optimizer state: " + m_prefix + "/" + field, "must be one int64");
        return tensor.item<std::int64_t>();
    }

private:
    const torch::Tensor &at(const std::string &field) const
    {
        const auto it = m_state.find(m_prefix + "/" + field);
        if (it == m_state.end())
            throw Error(ErrorKind::Format, "optimizer state: " + m_prefix + "/" + field,
                        "missing from the checkpoint; it was written by another optimizer");
        return it->second;
    }

    const std::map<std::string, torch::Tensor> &m_state;
    std::string m_prefix;
    const torch::Tensor &m_parameter;
};

template <typename State>
void exportAdam(const State &s, const std::string &name, NamedTensors &out)
{
    out.emplace_back(name + "/step", stepTensor(s.step()));
    out.emplace_back(name + "/exp_avg", s.exp_avg());
    out.emplace_back(name + "/exp_avg_sq", s.exp_avg_sq());
    if (s.max_exp_avg_sq().defined())
        out.emplace_back(name + "/max_exp_avg_sq", s.max_exp_avg_sq());
}

template <typename State>
std::unique_ptr<torch::optim::OptimizerParamState> importAdam(const StateReader &in)
{
    auto s = std::make_unique<State>();
    s->step(in.step());
    s->exp_avg(in.like("exp_avg"));
    s->exp_avg_sq(in.like("exp_avg_sq"));
    if (in.has("max_exp_avg_sq"))
        s->max_exp_avg_sq(in.like("max_exp_avg_sq"));
    return s;
}

} // namespace

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimizerSettings &o, const NamedTensors &parameters)
{
    auto tensors = tensorsOf(parameters);
    if (tensors.empty())
        throw Error(ErrorKind::InvalidInput, "method",
                    "the method left nothing to train; check its target modules or layer choices");
    using namespace torch::optim;
    if (o.name == "sgd")
        return std::make_unique<SGD>(
            tensors, SGDOptions(o.lr).momentum(o.momentum).nesterov(o.nesterov).weight_decay(o.weightDecay));
    if (o.name == "adam")
        return std::make_unique<Adam>(
            tensors, AdamOptions(o.lr).betas({o.beta1, o.beta2}).eps(o.eps).weight_decay(o.weightDecay));
    if (o.name == "adamw")
        return std::make_unique<AdamW>(
            tensors, AdamWOptions(o.lr).betas({o.beta1, o.beta2}).eps(o.eps).weight_decay(o.weightDecay));
    if (o.name == "adagrad")
        return std::make_unique<Adagrad>(tensors, AdagradOptions(o.lr).eps(o.eps).weight_decay(o.weightDecay));
    if (o.name == "rmsprop")
        return std::make_unique<RMSprop>(
            tensors, RMSpropOptions(o.lr).eps(o.eps).weight_decay(o.weightDecay).momentum(o.momentum));
    throw Error(ErrorKind::InvalidInput, "optimizer.name", "unknown optimizer \"" + o.name + "\"");
}

void setLearningRate(torch::optim::Optimizer &optimizer, double lr)
{
    for (auto &group : optimizer.param_groups())
        group.options().set_lr(lr);
}

NamedTensors optimizerState(const torch::optim::Optimizer &optimizer, const OptimizerSettings &settings,
                            const NamedTensors &parameters)
{
    using namespace torch::optim;
    NamedTensors out;
    const auto &state = optimizer.state();
    for (const auto &[name, parameter] : parameters) {
        const auto it = state.find(stateKey(parameter));
        if (it == state.end())
            continue;
        const auto &base = *it->second;
        if (settings.name == "adam") {
            exportAdam(static_cast<const AdamParamState &>(base), name, out);
        } else if (settings.name == "adamw") {
            exportAdam(static_cast<const AdamWParamState &>(base), name, out);
        } else if (settings.name == "sgd") {
            const auto &s = static_cast<const SGDParamState &>(base);
            out.emplace_back(name + "/momentum_buffer", s.momentum_buffer());
        } else if (settings.name == "adagrad") {
            const auto &s = static_cast<const AdagradParamState &>(base);
            out.emplace_back(name + "/step", stepTensor(s.step()));
            out.emplace_back(name + "/sum", s.sum());
        } else if (settings.name == "rmsprop") {
            const auto &s = static_cast<const RMSpropParamState &>(base);
            out.emplace_back(name + "/step", stepTensor(s.step()));
            out.emplace_back(name + "/square_avg", s.square_avg());
            if (s.momentum_buffer().defined())
                out.emplace_back(name + "/momentum_buffer", s.momentum_buffer());
            if (s.grad_avg().defined())
                out.emplace_back(name + "/grad_avg", s.grad_avg());
        }
    }
    return out;
}

void restoreOptimizerState(torch::optim::Optimizer &optimizer, const OptimizerSettings &settings,
                           const NamedTensors &parameters, const std::map<std::string, torch::Tensor> &tensors)
{
    using namespace torch::optim;
    auto &state = optimizer.state();
    state.clear();
    for (const auto &[name, parameter] : parameters) {
        const StateReader in(tensors, name, parameter);
        if (!in.present())
            continue;
        std::unique_ptr<OptimizerParamState> s;
        if (settings.name == "adam") {
            s = importAdam<AdamParamState>(in);
        } else if (settings.name == "adamw") {
            s = importAdam<AdamWParamState>(in);
        } else if (settings.name == "sgd") {
            auto sgd = std::make_unique<SGDParamState>();
            sgd->momentum_buffer(in.like("momentum_buffer"));
            s = std::move(sgd);
        } else if (settings.name == "adagrad") {
            auto adagrad = std::make_unique<AdagradParamState>();
            adagrad->step(in.step());
            adagrad->sum(in.like("sum"));
            s = std::move(adagrad);
        } else if (settings.name == "rmsprop") {
            auto rms = std::make_unique<RMSpropParamState>();
            rms->step(in.step());
            rms->square_avg(in.like("square_avg"));
            if (in.has("momentum_buffer"))
                rms->momentum_buffer(in.like("momentum_buffer"));
            if (in.has("grad_avg"))
                rms->grad_avg(in.like("grad_avg"));
            s = std::move(rms);
        }
        if (s)
            state[stateKey(parameter)] = std::move(s);
    }
}

} // namespace llmos

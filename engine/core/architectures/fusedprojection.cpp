#include "architectures/fusedprojection.h"

namespace llmos {

namespace {

// Whether `part` is the `rows` rows of `whole` that start at row `first`.
bool isRowsOf(const torch::Tensor &part, const torch::Tensor &whole, std::int64_t first)
{
    if (!part.defined() || !whole.defined() || part.scalar_type() != whole.scalar_type()
        || part.device() != whole.device() || !part.is_contiguous())
        return false;
    const auto rowBytes = static_cast<std::int64_t>(whole.element_size()) * (whole.dim() == 2 ? whole.size(1) : 1);
    return static_cast<const char *>(part.data_ptr()) == static_cast<const char *>(whole.data_ptr()) + first * rowBytes;
}

} // namespace

bool FusedProjection::intact() const
{
    if (m_parts.empty())
        return false;
    std::int64_t first = 0;
    for (const auto &part : m_parts) {
        if (part->hooked()) // a fine-tuning hook changes the part's output: run the parts
            return false;
        if (m_quantized ? !part->quantized || !isRowsOf(part->quantized->values(), m_quantized->values(), first)
                        : !isRowsOf(part->weight, m_weight, first))
            return false;
        if (m_bias.defined() && !isRowsOf(part->bias, m_bias, first))
            return false;
        if (!m_bias.defined() && part->bias.defined()) // a bias added since (BitFit)
            return false;
        first += m_quantized ? part->quantized->rows() : part->weight.size(0);
    }
    return first == (m_quantized ? m_quantized->rows() : m_weight.size(0));
}

void FusedProjection::fuse(std::vector<Projection> parts)
{
    if (parts.empty())
        return;
    if (m_parts.size() == parts.size() && intact())
        return;
    if (parts.front()->quantized) {
        m_parts = std::move(parts);
        fuseQuantized();
        return;
    }
    std::vector<torch::Tensor> weights;
    std::vector<torch::Tensor> biases;
    for (const auto &part : parts) {
        const auto &w = part->weight;
        if (part->quantized || w.scalar_type() != parts.front()->weight.scalar_type() || w.device() != parts.front()->weight.device()
            || w.size(1) != parts.front()->weight.size(1))
            return;
        weights.push_back(w);
        if (part->bias.defined())
            biases.push_back(part->bias);
    }
    const bool withBias = biases.size() == parts.size();
    if (!withBias && !biases.empty())
        return; // some parts biased, some not: keep them apart

    torch::NoGradGuard noGrad;
    m_parts = std::move(parts);
    m_quantized.reset();
    m_weight = torch::cat(weights, 0);
    m_bias = withBias ? torch::cat(biases, 0) : torch::Tensor();
    std::int64_t first = 0;
    for (auto &part : m_parts) {
        const auto rows = part->weight.size(0);
        part->weight.set_data(m_weight.narrow(0, first, rows));
        if (withBias)
            part->bias.set_data(m_bias.narrow(0, first, rows));
        first += rows;
    }
}

void FusedProjection::fuseQuantized()
{
    std::vector<const QuantizedMatrix *> matrices;
    std::vector<torch::Tensor> biases;
    for (const auto &part : m_parts) {
        if (!part->quantized || part->quantized->scheme() != m_parts.front()->quantized->scheme()
            || part->quantized->cols() != m_parts.front()->quantized->cols()) {
            m_parts.clear(); // mixed storage: the parts run alone
            return;
        }
        matrices.push_back(part->quantized.get());
        if (part->bias.defined())
            biases.push_back(part->bias);
    }
    if (!biases.empty() && biases.size() != m_parts.size()) {
        m_parts.clear();
        return;
    }
    torch::NoGradGuard noGrad;
    m_weight = torch::Tensor();
    m_quantized = std::make_shared<const QuantizedMatrix>(QuantizedMatrix::concatRows(matrices));
    m_bias = biases.empty() ? torch::Tensor() : torch::cat(biases, 0);
    std::int64_t first = 0;
    for (auto &part : m_parts) {
        const auto rows = part->quantized->rows();
        part->quantized = std::make_shared<const QuantizedMatrix>(m_quantized->rowsView(first, rows));
        if (m_bias.defined())
            part->bias.set_data(m_bias.narrow(0, first, rows));
        first += rows;
    }
}

} // namespace llmos

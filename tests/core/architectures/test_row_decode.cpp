// The batch-1 row path of a Llama model (llamamodel.h) on a model large enough that its
// matrix-vector products are split over the thread team (the benchmark's "tiny" shape):
// decode steps give the logits of one full forward pass, whatever the team size.
#include "architectures/causallmloader.h"
#include "generation/benchmarkmodel.h"
#include "rowpathtesting.h"
#include "tempdir.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace llmos;

TEST(RowDecode, StepsOnAnyTeamSizeGiveTheLogitsOfOneCall)
{
    test::TempDir dir;
    const auto &shape = benchmarkShape("tiny");
    writeBenchmarkModel(dir.path(), shape);
    auto model = loadCausalLm(dir.path());
    torch::NoGradGuard noGrad;
    ASSERT_TRUE(model->rowDecodeReady());

    torch::manual_seed(3);
    const auto ids = torch::randint(shape.vocab, {1, 24}, torch::kLong);
    const auto full = model->forward(ids);
    const std::int64_t prompt = 6;
    for (const int threads : {1, 2, 3}) {
        test::TorchThreads scope(threads);
        auto cache = model->makeCache();
        std::vector<torch::Tensor> pieces{model->forward(ids.narrow(1, 0, prompt), {}, &cache)};
        for (std::int64_t i = prompt; i < ids.size(1); ++i)
            pieces.push_back(model->forward(ids.narrow(1, i, 1), {}, &cache));
        // Logits here are about 0.3 in size; fp32 summation order moves them by ~1e-7.
        EXPECT_LT(test::maxAbsDifference(torch::cat(pieces, 1), full), 1e-5) << threads << " threads";
    }
}

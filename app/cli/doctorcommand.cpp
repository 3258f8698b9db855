#include "cli/commandline.h"

#include "runtime/datadirectory.h"
#include "runtime/runtimeinfo.h"
#include "tokenizer/sentencepiecetokenizer.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

namespace llmos::cli {

namespace {

int runDoctor(CommandContext &ctx)
{
    const bool measure = !ctx.parser().isSet(QStringLiteral("quick"));
    const RuntimeInfo info = collectRuntimeInfo(measure);
    const std::string dataDir = dataDirectory();
    const std::string sentencePieceProblem = SentencePieceTokenizer::unavailableReason();

    if (ctx.json()) {
        ctx.printJson({{"version", LLMOS_VERSION},
                       {"libtorch", info.torchVersion},
                       {"blas", info.blasLibrary},
                       {"reference_blas", info.referenceBlas},
                       {"threads", info.threads},
                       {"hardware_threads", info.hardwareThreads},
                       {"cuda_devices", info.cudaDevices},
                       {"matmul_gflops", info.matmulGflops},
                       {"sentencepiece", sentencePieceProblem.empty()},
                       {"data_dir", dataDir}});
        return 0;
    }
    auto yesNo = [](bool b) { return b ? CommandContext::tr("yes") : CommandContext::tr("no"); };
    ctx.printLine(CommandContext::tr("llmos %1").arg(QStringLiteral(LLMOS_VERSION)));
    ctx.printLine(CommandContext::tr("libtorch:     %1").arg(QString::fromStdString(info.torchVersion)));
    ctx.printLine(CommandContext::tr("BLAS:         %1").arg(info.blasLibrary.empty()
                                                                  ? CommandContext::tr("(not found)")
                                                                  : QString::fromStdString(info.blasLibrary)));
    ctx.printLine(CommandContext::tr("threads:      %1 of %2 hardware threads").arg(info.threads).arg(info.hardwareThreads));
    ctx.printLine(CommandContext::tr("CUDA:         %1").arg(info.cudaDevices.empty()
                                                                  ? CommandContext::tr("no devices")
                                                                  : QString::fromStdString(info.cudaDevices.front())
                                                                        + CommandContext::tr(" and %n more", "", int(info.cudaDevices.size()) - 1)));
    if (measure)
        ctx.printLine(CommandContext::tr("fp32 matmul:  %1 GFLOP/s (1024x1024)").arg(info.matmulGflops, 0, 'f', 1));
    ctx.printLine(CommandContext::tr("data folder:  %1").arg(QString::fromStdString(dataDir)));
    ctx.printLine(CommandContext::tr("SentencePiece: %1")
                      .arg(sentencePieceProblem.empty() ? CommandContext::tr("available")
                                                        : QString::fromStdString(sentencePieceProblem)));
    ctx.printLine(CommandContext::tr("reference BLAS in use: %1").arg(yesNo(info.referenceBlas)));
    if (info.referenceBlas)
        ctx.printLine(CommandContext::tr("warning: libtorch is using the slow reference BLAS (about 30x slower). "
                                         "Install libopenblas0-openmp: apt-get install libopenblas0-openmp"));
    return 0;
}

} // namespace

Command doctorCommand()
{
    return {"doctor", QT_TRANSLATE_NOOP("Commands", "Check the compute setup: libtorch, BLAS, threads, CUDA, data folder."),
            [](QCommandLineParser &p) {
                p.addOption({QStringLiteral("quick"),
                             QCoreApplication::translate("Commands", "Skip the matmul speed measurement.")});
            },
            runDoctor};
}

} // namespace llmos::cli

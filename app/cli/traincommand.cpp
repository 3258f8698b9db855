// llmos train RECIPE.json: runs a training recipe in the foreground as a job of this
// process, with the same checks, events, checkpoints and registration as the window.

#include "cli/commandline.h"
#include "cli/runfollower.h"

#include "jobs/jobscheduler.h"
#include "recipe/trainingrecipe.h"
#include "runtime/datadirectory.h"
#include "services/trainingjobs.h"

#include <QCommandLineParser>

#include <algorithm>

namespace llmos::cli {

namespace {

int runTrain(CommandContext &ctx)
{
    const QStringList args = ctx.parser().positionalArguments();
    if (args.size() != 1)
        throw UsageError{CommandContext::tr("usage: llmos train RECIPE.json [--json] [--threads N]")};
    const TrainingRecipe recipe = loadTrainingRecipe(args.front().toStdString());
    const int threads = threadsOption(ctx);
    JobScheduler scheduler = foregroundScheduler(threads);
    TrainingJobs training(scheduler, dataDirectory(), threads);
    const std::string id = training.submit(recipe);
    if (!ctx.json())
        ctx.printLine(CommandContext::tr("Run %1 started; its folder is %2").arg(QString::fromStdString(id),
                                                                               QString::fromStdString(scheduler.store().runDirectory(id))));
    return followRun(ctx, scheduler, id);
}

} // namespace

int resumeTrainingRun(CommandContext &ctx, const std::string &runId)
{
    const int threads = threadsOption(ctx);
    JobScheduler scheduler = foregroundScheduler(threads);
    TrainingJobs training(scheduler, dataDirectory(), threads);
    training.resume(runId);
    return followRun(ctx, scheduler, runId);
}

Command trainCommand()
{
    return {"train",
            QT_TRANSLATE_NOOP("Commands", "Train a model from a JSON recipe (docs/recipes.md) and register the result."),
            [](QCommandLineParser &p) {
                p.addPositionalArgument(QStringLiteral("RECIPE"), QCoreApplication::translate("Commands", "The recipe file."));
                addThreadsOption(p);
            },
            runTrain};
}

} // namespace llmos::cli

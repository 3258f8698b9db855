// The job list's arithmetic and bookkeeping, without a scheduler: states from events, the
// time left from the rate since the run last started, and a folder listing that arrives
// after a run was started.

#include "jobcenter/joblistmodel.h"

#include <QTest>

using namespace llmos;

namespace {

RunState run(const char *id, std::int64_t createdMs, JobState state = JobState::Queued)
{
    RunState r;
    r.id = id;
    r.name = id;
    r.kind = "train";
    r.createdMs = createdMs;
    r.state = state;
    return r;
}

JobEvent jobEvent(const char *id, std::uint64_t sequence, std::int64_t timeMs, JobEventPayload payload)
{
    return {id, sequence, timeMs, std::move(payload)};
}

} // namespace

class TestJobListModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void timeLeftFollowsTheRateSinceTheLastStart()
    {
        JobListModel model;
        model.upsert(run("r-a", 1000));
        model.apply(jobEvent("r-a", 1, 10'000, JobStateChanged{JobState::Queued, JobState::Running, {}}));
        QVERIFY(!model.secondsLeft(QStringLiteral("r-a")));              // no progress yet
        model.apply(jobEvent("r-a", 2, 11'000, Progress{10, 110}));
        QVERIFY(!model.secondsLeft(QStringLiteral("r-a")));              // one report is no rate
        model.apply(jobEvent("r-a", 3, 21'000, Progress{60, 110}));         // 50 steps in 10 s
        QCOMPARE(*model.secondsLeft(QStringLiteral("r-a")), 10.0);       // 50 more at 0.2 s
        QVERIFY(model.data(model.index(0, JobListModel::Time), Qt::DisplayRole).toString().contains(QStringLiteral("10 s")));

        // Paused for an hour, then resumed: the hour does not slow the estimate down.
        model.apply(jobEvent("r-a", 4, 22'000, JobStateChanged{JobState::Running, JobState::Paused, {}}));
        QVERIFY(!model.secondsLeft(QStringLiteral("r-a")));
        model.apply(jobEvent("r-a", 5, 3'622'000, JobStateChanged{JobState::Paused, JobState::Queued, {}}));
        model.apply(jobEvent("r-a", 6, 3'622'000, JobStateChanged{JobState::Queued, JobState::Running, {}}));
        model.apply(jobEvent("r-a", 7, 3'623'000, Progress{60, 110}));
        model.apply(jobEvent("r-a", 8, 3'628'000, Progress{85, 110}));      // 25 steps in 5 s
        QCOMPARE(*model.secondsLeft(QStringLiteral("r-a")), 5.0);

        model.apply(jobEvent("r-a", 9, 3'633'000, JobStateChanged{JobState::Running, JobState::Succeeded, {}}));
        QVERIFY(!model.secondsLeft(QStringLiteral("r-a")));
        QCOMPARE(model.data(model.index(0, JobListModel::ProgressColumn), JobListModel::ProgressRole).toDouble(), 1.0);
        QCOMPARE(model.data(model.index(0, JobListModel::State), Qt::DisplayRole).toString(), QStringLiteral("Finished"));
    }

    void newestFirstAndAListingKeepsRunsItDoesNotHaveYet()
    {
        JobListModel model;
        model.upsert(run("r-old", 1000, JobState::Succeeded));
        model.upsert(run("r-new", 3000, JobState::Running));
        model.upsert(run("r-mid", 2000, JobState::Failed));
        QCOMPARE(model.runIdAt(0), QStringLiteral("r-new"));
        QCOMPARE(model.runIdAt(1), QStringLiteral("r-mid"));
        QCOMPARE(model.runIdAt(2), QStringLiteral("r-old"));
        QCOMPARE(model.activeRunNames(), QStringList{QStringLiteral("r-new")});

        // A listing read before r-new was started: r-new stays, the others take the disk's state.
        model.setRuns({run("r-old", 1000, JobState::Succeeded), run("r-mid", 2000, JobState::Cancelled)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.runIdAt(0), QStringLiteral("r-new"));
        QCOMPARE(model.run(QStringLiteral("r-mid"))->state, JobState::Cancelled);

        // Events of runs it does not list are ignored (the job center lists them first).
        model.apply(jobEvent("r-unknown", 1, 5000, JobStateChanged{JobState::Queued, JobState::Running, {}}));
        QCOMPARE(model.rowCount(), 3);
    }

    void failureReasonIsTheTooltip()
    {
        JobListModel model;
        model.upsert(run("r-a", 1000, JobState::Running));
        model.apply(jobEvent("r-a", 2, 2000, JobStateChanged{JobState::Running, JobState::Failed, "non-finite loss at step 7"}));
        QCOMPARE(model.data(model.index(0, JobListModel::Name), Qt::ToolTipRole).toString(),
                 QStringLiteral("non-finite loss at step 7"));
    }
};

QTEST_MAIN(TestJobListModel)
#include "test_joblistmodel.moc"

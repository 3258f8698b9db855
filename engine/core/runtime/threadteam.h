#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

namespace llmos {

// A fixed team of threads for short parallel loops that follow each other every few
// microseconds, as the ~25 matrix-vector products of a batch-1 decode step do (each 5-300
// µs of work). Handing such a loop to OpenMP (through BLAS) pays a fork and a join each
// time, about a fifth of a decode step; here a job is published with one store, workers
// that spin between jobs pick it up within a fraction of a microsecond, and the calling
// thread works too. A worker that found no job for `spinTime` sleeps on a futex
// (std::atomic::wait), so a process that stops generating burns no CPU.
//
// Work is claimed in chunks from a shared counter rather than split in fixed shares, so on
// a busy machine a worker the OS has not scheduled holds nothing up: the others take its
// share. Chunks shrink as the loop runs out (guided scheduling: a claim takes about half
// of what is left divided by the team size), so the first claims are large and the threads
// finish within a small chunk of each other. Each chunk is one contiguous range of items.
class ThreadTeam {
public:
    // Long enough to span the gap between two decode steps (sampling, detokenising, the
    // embedding: tens of microseconds), short enough that an idle team costs nothing.
    static constexpr std::chrono::microseconds kDefaultSpinTime{200};

    // A team of `threads` threads in all, the caller included: threads - 1 workers.
    // Workers, and the caller waiting for them, spin for `spinTime` before they sleep.
    explicit ThreadTeam(int threads = 1, std::chrono::microseconds spinTime = kDefaultSpinTime);
    ~ThreadTeam(); // stops the workers and joins them

    ThreadTeam(const ThreadTeam &) = delete;
    ThreadTeam &operator=(const ThreadTeam &) = delete;

    int threads() const noexcept { return m_threads.load(std::memory_order_relaxed); }

    // Stops the workers and starts threads - 1 new ones; waits for a job another thread is
    // running on the team to end first. threads < 1 counts as 1.
    void resize(int threads);

    // Calls body(begin, end) on ranges that together cover [0, items), on the team's
    // threads, and returns when all have run. The ranges start at multiples of `grain` and
    // are multiples of it long (but for the end of the loop), so `grain` is both the
    // smallest chunk worth a thread and an alignment. The whole loop is one range where it
    // runs on the calling thread alone: a team of one, a loop of one grain, or a call made
    // while another thread has a job on the team (one job runs at a time; the second
    // caller does not wait). `body` must not throw (std::terminate).
    template <typename Body>
    void parallelFor(std::int64_t items, std::int64_t grain, const Body &body)
    {
        run(items, grain,
            [](const void *context, std::int64_t begin, std::int64_t end) noexcept {
                (*static_cast<const Body *>(context))(begin, end);
            },
            &body);
    }

private:
    // A type-erased loop body: no std::function, so publishing a job allocates nothing.
    using Thunk = void (*)(const void *context, std::int64_t begin, std::int64_t end) noexcept;

    struct Job {
        Thunk thunk = nullptr;
        const void *context = nullptr;
        std::int64_t items = 0;
        std::int64_t grain = 1;
        std::uint32_t grains = 0; // the loop in units of `grain`
        std::uint32_t threads = 1;
    };

    void run(std::int64_t items, std::int64_t grain, Thunk thunk, const void *context);
    static void runInline(std::int64_t items, Thunk thunk, const void *context)
    {
        if (items > 0)
            thunk(context, 0, items);
    }
    std::uint32_t nextJobId() noexcept;
    // Runs chunks of the current job until none is left; returns how many grains it ran.
    std::uint32_t claimChunks() noexcept;
    void workerLoop(std::uint32_t seen);
    std::uint32_t waitForJob(std::uint32_t seen) const;
    void waitUntilAllDone(std::uint32_t grains) const;
    void takeTeam();
    void stopWorkers();

    const std::chrono::microseconds m_spinTime;
    std::vector<std::thread> m_workers;
    std::atomic<int> m_threads{1}; // readable while another thread resizes
    // Held by whoever runs a job or resizes the team.
    std::atomic_flag m_busy;
    std::atomic<bool> m_stopping{false};

    // The protocol (threadteam.cpp): the caller writes m_job only while m_published is 0
    // and no worker is inside a job (m_readers == 0), then publishes a new id; a worker
    // counts itself in m_readers and checks that the id is still the published one before
    // it reads m_job. Ids are never 0.
    Job m_job;
    std::uint32_t m_lastId = 0;
    alignas(64) std::atomic<std::uint32_t> m_published{0};
    alignas(64) std::atomic<std::uint32_t> m_readers{0};
    alignas(64) std::atomic<std::uint32_t> m_nextGrain{0};
    alignas(64) std::atomic<std::uint32_t> m_doneGrains{0};
};

} // namespace llmos
